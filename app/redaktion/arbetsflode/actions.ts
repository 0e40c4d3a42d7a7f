"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { stockholmLocalToUtc } from "@/lib/dates";
import { AppError, type ActionResult, parseInput } from "@/lib/errors";
import { transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { transitionItem } from "@/lib/workflow/services/item-workflow";
import { reviewViaLink } from "@/lib/workflow/services/link-review";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";
import { WORKFLOW_ACTIONS } from "@/lib/workflow/transitions";

const workflowFormSchema = z.object({
  target: z.enum(["item", "issue"]),
  id: z.uuid(),
  action: z.enum(WORKFLOW_ACTIONS),
  revisionId: z.uuid().optional(),
  contentHash: z.string().max(64).optional(),
  comment: z.string().max(5000).optional(),
  /** "2026-12-01T08:00", Stockholm time, from a datetime-local field. */
  scheduledLocal: z.string().max(20).optional(),
  correction: z.string().max(1000).optional(),
});
export type WorkflowFormInput = z.input<typeof workflowFormSchema>;

function toUtc(local: string | undefined): string | undefined {
  if (!local) return undefined;
  const at = stockholmLocalToUtc(local);
  if (!at) throw new AppError("INVALID_INPUT", "Ange datum och klockslag, till exempel 2026-12-01 08:00.", { scheduledAt: ["Ogiltig tidpunkt."] });
  return at.toISOString();
}

function revalidateStaff(target: "item" | "issue", id: string) {
  revalidatePath("/redaktion", "layout");
  revalidatePath(target === "item" ? `/redaktion/texter/${id}` : `/redaktion/nummer/${id}`);
}

/**
 * One entry point for every workflow button. The services check the role and the state again
 * (planTransition), so calling this directly as the wrong role is refused like any other request.
 */
export async function workflowAction(raw: WorkflowFormInput): Promise<ActionResult<{ status: string }>> {
  const result = await toResult(async () => {
    const input = parseInput(workflowFormSchema, raw, { message: "Ogiltig begäran." });
    const actor = await requireActor();
    const db = await getDb();
    const scheduledAt = toUtc(input.scheduledLocal);
    const outcome =
      input.target === "item"
        ? await transitionItem(db, actor, { id: input.id, action: input.action, revisionId: input.revisionId, comment: input.comment, scheduledAt, correction: input.correction })
        : await transitionIssue(db, actor, { id: input.id, action: input.action, contentHash: input.contentHash ?? "", comment: input.comment, scheduledAt });
    revalidatePublicPaths(outcome.paths);
    revalidateStaff(input.target, input.id);
    return { status: outcome.status };
  });
  return result;
}

export async function linkReviewAction(raw: { token: string; action: "approve" | "request_changes"; comment?: string }) {
  return toResult(async () => {
    const actor = await requireActor();
    const outcome = await reviewViaLink(await getDb(), actor, raw);
    // No staff-page revalidation here: it would re-render this very page, whose token is now spent,
    // over the confirmation. Staff pages are rendered per request anyway.
    revalidatePublicPaths(outcome.paths);
    return { status: outcome.status, target: outcome.target, id: outcome.id };
  });
}
