import type { JSONContent } from "@tiptap/core";
import { eq, max, sql } from "drizzle-orm";
import { contentItems, revisions, type Byline } from "@/db/schema";
import type { Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { cancelJobs } from "@/lib/jobs/queue";
import { editVoidsApproval, statusAfterEdit } from "@/lib/workflow/transitions";
import { CLEARED_APPROVAL, voidIssueApproval } from "@/lib/workflow/void-approval";
import { contentHash } from "@/lib/content/hash";
import { plainText } from "@/lib/content/text";
import { AppError } from "@/lib/errors";

export type RevisionContent = {
  title: string;
  lead: string;
  /** Null when none is written (never ""): see lib/content/description.ts. */
  description: string | null;
  body: JSONContent;
  coverMediaId: string | null;
  tags: string[];
  byline: Byline[];
};

/** Appends revision n + 1 of an item. `hash` may be passed when the caller has already computed it. */
export async function appendRevision(tx: Tx, itemId: string, actorId: string, content: RevisionContent, hash = contentHash(content)) {
  const [last] = await tx
    .select({ n: max(revisions.number) })
    .from(revisions)
    .where(eq(revisions.itemId, itemId));
  const [revision] = await tx
    .insert(revisions)
    // searchText feeds the generated search vector (db/queries/search.ts).
    .values({ itemId, number: (last?.n ?? 0) + 1, ...content, searchText: plainText(content.body), contentHash: hash, createdBy: actorId })
    .returning();
  return revision!;
}

/**
 * Every edit after creation ends the same way: a new revision becomes the current one and the
 * item's version moves on, so editors based on the old version are told someone else saved. An
 * approval was of the old words, so it is void: the text goes back to draft, a scheduled
 * publication is cancelled, and so is the approval of the issue the article sits in. Callers hold
 * the item's row lock, so an approval and an edit never interleave.
 */
export async function commitRevision(tx: Tx, itemId: string, actor: CurrentUser, content: RevisionContent, options: { hash?: string; slug?: string } = {}) {
  const [before] = await tx.select({ status: contentItems.status, issueId: contentItems.issueId }).from(contentItems).where(eq(contentItems.id, itemId));
  const revision = await appendRevision(tx, itemId, actor.id, content, options.hash);
  const voids = before ? editVoidsApproval(before.status) : false;
  const [updated] = await tx
    .update(contentItems)
    .set({
      currentRevisionId: revision.id,
      ...(options.slug ? { slug: options.slug } : {}),
      ...(before ? { status: statusAfterEdit(before.status) } : {}),
      ...(voids ? CLEARED_APPROVAL : {}),
      version: sql`${contentItems.version} + 1`,
      updatedAt: revision.createdAt,
    })
    .where(eq(contentItems.id, itemId))
    .returning({ version: contentItems.version });
  if (voids) {
    await cancelJobs(tx, "publish.item", { itemId });
    await recordAudit(tx, {
      actor,
      action: "item.approval_voided",
      entityType: "item",
      entityId: itemId,
      summary: `Godkännandet upphävdes: "${content.title}" ändrades efter godkännandet (version ${revision.number})`,
    });
  }
  if (before?.issueId) await voidIssueApproval(tx, before.issueId, actor, `artikeln "${content.title}" ändrades`);
  return { revision, version: updated!.version };
}

/** For edits that cannot be merged: refuse one based on an older version than the stored one. */
export function assertVersion(item: { version: number }, baseVersion: number): void {
  if (item.version !== baseVersion) {
    throw new AppError("CONFLICT", "Texten har ändrats sedan du öppnade den. Ladda om sidan och försök igen.");
  }
}
