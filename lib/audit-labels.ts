/**
 * Swedish labels for the audit log's action codes. The codes are stored as written by the services
 * (lib/audit.ts callers); an action missing here is shown raw rather than hidden, so a new verb is
 * never invisible in the log.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "item.created": "Skapade en text",
  "item.saved": "Sparade en text",
  "item.edited_after_publish": "Redigerade en publicerad text",
  "item.deleted": "Raderade en text",
  "item.restored": "Återställde en tidigare version",
  "item.authors_changed": "Ändrade författare",
  "item.warning_overridden": "Åsidosatte en varning",
  "item.commented": "Kommenterade en text",
  "item.submitted": "Skickade en text till granskning",
  "item.changes_requested": "Begärde ändringar i en text",
  "item.approved": "Godkände en text",
  "item.approval_voided": "Godkännandet upphävdes",
  "item.published": "Publicerade en text",
  "item.scheduled": "Schemalade publicering av en text",
  "item.schedule_cancelled": "Avbröt schemalagd publicering",
  "item.withdrawn": "Avpublicerade en text",
  "item.correction_published": "Publicerade en rättelse",
  "issue.created": "Skapade ett nummer",
  "issue.updated": "Ändrade ett nummer",
  "issue.submitted": "Skickade ett nummer till granskning",
  "issue.changes_requested": "Begärde ändringar i ett nummer",
  "issue.approved": "Godkände ett nummer",
  "issue.approval_voided": "Godkännandet av numret upphävdes",
  "issue.published": "Publicerade ett nummer",
  "issue.scheduled": "Schemalade publicering av ett nummer",
  "issue.schedule_cancelled": "Avbröt schemalagd publicering av ett nummer",
  "issue.withdrawn": "Avpublicerade ett nummer",
  "issue.test_sent": "Skickade ett provutskick av ett nummer",
  "issue.articles_reordered": "Ändrade ordningen i ett nummer",
  "issue.placement_changed": "Ändrade en artikels plats i ett nummer",
  "issue.article_removed": "Tog bort en artikel ur ett nummer",
  "comment.added": "Kommenterade en text",
  "comment.replied": "Svarade på en kommentar",
  "comment.resolved": "Markerade en kommentar som löst",
  "comment.reopened": "Öppnade en kommentar igen",
  "issue.sent": "Skickade numret till prenumeranter",
  "media.uploaded": "Laddade upp en bild",
  "user.login": "Loggade in",
  "user.logout": "Loggade ut",
  "user.login_failed": "Misslyckad inloggning",
  "user.created": "Skapade en användare",
  "user.updated": "Ändrade en användare",
  "user.role_changed": "Ändrade roll",
  "user.deactivated": "Inaktiverade en användare",
  "settings.updated": "Ändrade inställningarna",
  "publication.updated": "Ändrade en publicering",
  "demo.seeded": "Skapade demoinnehållet",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
