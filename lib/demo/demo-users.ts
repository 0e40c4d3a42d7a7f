// Relative, not "@/": the e2e suite and scripts import this file too.
import { ROLE_LABELS, type Role } from "../permissions";

export const DEMO_PASSWORD = "demo-lösenord-2026";

export const DEMO_USERS: { email: string; name: string; jobTitle: string; role: Role }[] = [
  { email: "skribent@exempelby.test", name: "Sara Lind", jobTitle: "Planarkitekt", role: "skribent" },
  { email: "redaktor@exempelby.test", name: "Jonas Berg", jobTitle: "Informatör", role: "redaktor" },
  { email: "utgivare@exempelby.test", name: "Karin Holm", jobTitle: "Kommunchef", role: "utgivare" },
  { email: "admin@exempelby.test", name: "Ali Hassan", jobTitle: "Systemförvaltare", role: "admin" },
];

/** The lines printed at start-up and in the README. */
export function demoLoginLines(): string[] {
  return [
    `Demo-inloggningar (lösenord för alla: ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((user) => `  ${user.email.padEnd(26)} ${user.name}, ${user.jobTitle} (${ROLE_LABELS[user.role].toLocaleLowerCase("sv-SE")})`),
  ];
}
