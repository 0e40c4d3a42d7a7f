export { DEMO_PASSWORD } from "../lib/demo/demo-users";

export const ROLE_USERS = {
  skribent: { email: "skribent@exempelby.test", name: "Sara Lind", roleLabel: "Skribent" },
  redaktor: { email: "redaktor@exempelby.test", name: "Jonas Berg", roleLabel: "Redaktör" },
  utgivare: { email: "utgivare@exempelby.test", name: "Karin Holm", roleLabel: "Ansvarig utgivare" },
  admin: { email: "admin@exempelby.test", name: "Ali Hassan", roleLabel: "Administratör" },
} as const;

export type DemoRole = keyof typeof ROLE_USERS;

export const storageStatePath = (role: DemoRole) => `e2e/.auth/${role}.json`;
