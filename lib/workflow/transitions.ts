import { can, type Actor, type Permission } from "@/lib/permissions";
import type { WorkflowStatus } from "./labels";

/**
 * The workflow as one table: which action moves a text or an issue from which states to which, and
 * who may take it. Pages use it to decide which buttons to show, and every action asks it again on
 * the server, inside the transaction that makes the change.
 */
export const WORKFLOW_ACTIONS = ["submit", "request_changes", "approve", "publish", "schedule", "unschedule", "withdraw"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** The Swedish words on the buttons; people are told them, tests find the buttons by them. */
export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "Skicka för granskning",
  request_changes: "Begär ändringar",
  approve: "Godkänn",
  publish: "Publicera",
  schedule: "Schemalägg",
  unschedule: "Avbryt schemaläggning",
  withdraw: "Avpublicera",
};

export type WorkflowTarget = "item" | "issue";

type Rule = {
  from: readonly WorkflowStatus[] | "live";
  to: WorkflowStatus;
  permission: Record<WorkflowTarget, Permission>;
};

const EVERY: Record<WorkflowTarget, Permission> = { item: "content.approve", issue: "content.approve" };

export const TRANSITIONS: Record<WorkflowAction, Rule> = {
  // A withdrawn text can go back to review as it is; an edited one is a draft again anyway.
  submit: { from: ["draft", "changes_requested", "withdrawn"], to: "in_review", permission: { item: "content.submit", issue: "issue.manage" } },
  request_changes: { from: ["in_review", "approved"], to: "changes_requested", permission: EVERY },
  approve: { from: ["in_review"], to: "approved", permission: EVERY },
  publish: { from: ["approved", "scheduled"], to: "published", permission: { item: "content.publish", issue: "content.publish" } },
  schedule: { from: ["approved"], to: "scheduled", permission: { item: "content.schedule", issue: "content.schedule" } },
  unschedule: { from: ["scheduled"], to: "approved", permission: { item: "content.schedule", issue: "content.schedule" } },
  // Whatever is being worked on, what readers see can always be taken down.
  withdraw: { from: "live", to: "withdrawn", permission: { item: "content.withdraw", issue: "content.withdraw" } },
};

export type TransitionContext = {
  target: WorkflowTarget;
  status: WorkflowStatus;
  /** Readers can see it now (published, not withdrawn). */
  live: boolean;
  /** For a text: the actor may edit it (their own, or they edit any). Submitting needs it. */
  mayEdit: boolean;
  /**
   * An article is published with its issue; it may be published on its own only once its issue is
   * live (a corrected version). Always true for posts and issues.
   */
  publishableAlone: boolean;
};

export type TransitionPlan = { ok: true; to: WorkflowStatus } | { ok: false; code: "FORBIDDEN" | "INVALID_TRANSITION"; message: string };

const STATE_MESSAGES: Record<WorkflowAction, string> = {
  submit: "Bara ett utkast eller en text med begärda ändringar kan skickas för granskning.",
  request_changes: "Ändringar kan bara begäras för något som granskas eller är godkänt.",
  approve: "Bara det som har skickats för granskning kan godkännas.",
  publish: "Bara det som är godkänt kan publiceras.",
  schedule: "Bara det som är godkänt kan schemaläggas.",
  unschedule: "Det finns ingen schemaläggning att avbryta.",
  withdraw: "Bara det som är publicerat kan avpubliceras.",
};

export function planTransition(actor: Actor | null | undefined, action: WorkflowAction, context: TransitionContext): TransitionPlan {
  const rule = TRANSITIONS[action];
  const permitted = can(actor, rule.permission[context.target]) && (action !== "submit" || context.target === "issue" || context.mayEdit);
  if (!permitted) {
    return { ok: false, code: "FORBIDDEN", message: `Du får inte ${FORBIDDEN_VERBS[action]}.` };
  }
  const allowed = rule.from === "live" ? context.live : rule.from.includes(context.status);
  if (!allowed) return { ok: false, code: "INVALID_TRANSITION", message: STATE_MESSAGES[action] };
  if ((action === "publish" || action === "schedule") && !context.publishableAlone) {
    return { ok: false, code: "INVALID_TRANSITION", message: "En artikel publiceras tillsammans med sitt nummer." };
  }
  return { ok: true, to: rule.to };
}

const FORBIDDEN_VERBS: Record<WorkflowAction, string> = {
  submit: "skicka det här för granskning",
  request_changes: "begära ändringar – det gör ansvarig utgivare",
  approve: "godkänna – det gör ansvarig utgivare",
  publish: "publicera – det gör ansvarig utgivare",
  schedule: "schemalägga – det gör ansvarig utgivare",
  unschedule: "avbryta schemaläggningen – det gör ansvarig utgivare",
  withdraw: "avpublicera – det gör ansvarig utgivare",
};

/** The actions `actor` may take now, in button order: what the workflow panel shows. */
export function availableActions(actor: Actor | null | undefined, context: TransitionContext): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => planTransition(actor, action, context).ok);
}

/**
 * An edit changes the words, so an approval of the old words no longer holds: approved and scheduled
 * go back to draft (and a published or withdrawn text gets a draft beside what readers see). A text
 * under review or waiting for changes stays there: the writer is answering the review.
 */
export function statusAfterEdit(status: WorkflowStatus): WorkflowStatus {
  return status === "draft" || status === "in_review" || status === "changes_requested" ? status : "draft";
}

export function editVoidsApproval(status: WorkflowStatus): boolean {
  return status === "approved" || status === "scheduled";
}
