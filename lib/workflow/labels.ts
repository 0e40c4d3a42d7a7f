export const WORKFLOW_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "withdrawn",
] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export const STATUS_LABELS: Record<WorkflowStatus, string> = {
  draft: "Utkast",
  in_review: "Granskas",
  changes_requested: "Ändringar begärda",
  approved: "Godkänd",
  scheduled: "Schemalagd",
  published: "Publicerad",
  withdrawn: "Avpublicerad",
};
