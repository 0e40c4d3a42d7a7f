/**
 * The value lists of the schema's enums, as plain constants without drizzle: lib re-exports them to
 * client components (role pickers, status filters), which should not bundle drizzle for a list.
 */

/** The staff roles, the role enum's values; what each may do is lib/permissions'. */
export const ROLES = ["skribent", "redaktor", "utgivare", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A text's or an issue's place in the workflow, the workflow_status enum's values; their names are lib/workflow/labels'. */
export const WORKFLOW_STATUSES = ["draft", "in_review", "changes_requested", "approved", "scheduled", "published", "withdrawn"] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** A delivery's statuses, the delivery_status enum's values; their Swedish names are lib/mail/send/labels'. */
export const DELIVERY_STATUSES = ["queued", "sending", "sent", "failed", "unknown", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How far the site meets the requirements (lagen om tillgänglighet till digital offentlig service). */
export const CONFORMANCE_LEVELS = ["full", "partial", "none"] as const;
export type Conformance = (typeof CONFORMANCE_LEVELS)[number];
