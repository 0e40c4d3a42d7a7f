import { and, eq, inArray } from "drizzle-orm";
import { contentItems, newsletterIssues } from "@/db/schema";
import type { Tx } from "@/db/types";
import { recordAudit, type AuditActor } from "@/lib/audit";
import { cancelJobs } from "@/lib/jobs/queue";
import { editVoidsApproval } from "./transitions";

/** A text's approval columns, empty: what every step that takes an approval away writes. */
export const NO_APPROVAL = { approvedRevisionId: null, approvedContentHash: null, approvedBy: null, approvedAt: null } as const;

const CLEARED_APPROVAL = { ...NO_APPROVAL, scheduledAt: null } as const;

/**
 * Any change to an approved or scheduled newsletter issue (its articles, their order, its metadata)
 * voids the approval: the issue and its approved articles go back to draft and a scheduled
 * publication is cancelled. Call inside the transaction of the change, with the issue row locked.
 */
export async function voidIssueApproval(tx: Tx, issueId: string, actor: AuditActor, reason: string): Promise<boolean> {
  // Look before locking: most edits happen to issues nobody has approved, and taking the issue's
  // lock on every autosave would serialise all writers of an issue behind each other.
  const [glance] = await tx.select({ status: newsletterIssues.status }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
  if (!glance || !editVoidsApproval(glance.status)) return false;
  const [issue] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId)).for("update");
  if (!issue || !editVoidsApproval(issue.status)) return false;
  await tx
    .update(newsletterIssues)
    .set({ status: "draft", approvedBy: null, approvedAt: null, approvedContentHash: null, scheduledAt: null, version: issue.version + 1, updatedAt: new Date() })
    .where(eq(newsletterIssues.id, issueId));
  await tx
    .update(contentItems)
    .set({ status: "draft", ...CLEARED_APPROVAL })
    .where(and(eq(contentItems.issueId, issueId), inArray(contentItems.status, ["approved", "scheduled"])));
  await cancelJobs(tx, "publish.issue", { issueId });
  await recordAudit(tx, {
    actor,
    action: "issue.approval_voided",
    entityType: "issue",
    entityId: issueId,
    summary: `Godkännandet av nummer ${issue.number} ${issue.year} upphävdes: ${reason}`,
  });
  return true;
}

/** The item columns to set when an edit voids a text's approval (the caller updates the row). */
export { CLEARED_APPROVAL };
