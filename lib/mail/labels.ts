/** Swedish names for the outbox; the statuses mirror mail_status in db/schema/jobs.ts. */
export const MAIL_STATUSES = ["queued", "sent", "outbox", "failed"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATUS_LABELS: Record<MailStatus, string> = {
  queued: "Köad",
  sent: "Skickad",
  outbox: "I utkorgen",
  failed: "Misslyckad",
};

/**
 * Names for the kinds of message the workflow and the newsletter queue. A kind missing here is shown
 * as it is stored, so a new kind never breaks the outbox.
 */
export const MAIL_KIND_LABELS: Record<string, string> = {
  "item.submitted": "Att granska",
  "item.changes_requested": "Ändringar önskas",
  "item.approved": "Godkänd",
  "item.published": "Publicerad",
  "issue.submitted": "Nummer att granska",
  "issue.changes_requested": "Ändringar i nummer",
  "issue.approved": "Nummer godkänt",
  "issue.published": "Nummer publicerat",
  "newsletter.issue": "Nyhetsbrev till prenumerant",
  "newsletter.post": "Blogginlägg till prenumerant",
  "newsletter.test": "Provutskick",
  "subscription.confirm": "Bekräfta prenumeration",
  "user.invite": "Inbjudan till redaktionen",
  "user.reset": "Nytt lösenord",
};

export function mailKindLabel(kind: string): string {
  return MAIL_KIND_LABELS[kind] ?? (kind || "Övrigt");
}
