import { WORKFLOW_STATUSES, type WorkflowStatus } from "@/db/schema/values";

export { WORKFLOW_STATUSES, type WorkflowStatus };

/** Texts someone is still working on: everything before readers see them (the desk's default lists). */
export const IN_PROGRESS_STATUSES: readonly WorkflowStatus[] = ["draft", "in_review", "changes_requested", "approved", "scheduled"];

export const STATUS_LABELS: Record<WorkflowStatus, string> = {
  draft: "Utkast",
  in_review: "Granskas",
  changes_requested: "Ändringar begärda",
  approved: "Godkänd",
  scheduled: "Schemalagd",
  published: "Publicerad",
  withdrawn: "Avpublicerad",
};
