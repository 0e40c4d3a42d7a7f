import { and, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { contentItems, corrections, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit, type AuditActor } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { loadText } from "@/lib/editorial/load-text";
import { AppError, parseInput } from "@/lib/errors";
import { absoluteUrl } from "@/lib/feeds/urls";
import { formatDateTime } from "@/lib/format";
import { cancelJobs, scheduleJob } from "@/lib/jobs/queue";
import { cancelEditionSend, queueEditionSend } from "@/lib/mail/send/edition";
import * as templates from "@/lib/mail/templates";
import { canEdit, ROLE_LABELS } from "@/lib/permissions";
import { addCommentInTx } from "@/lib/review/comments";
import { NO_APPROVAL } from "../void-approval";
import { notifyReviewers, notifyWriters } from "./notify";
import { affectedPublicPaths } from "../public-paths";
import { textReadinessProblems } from "../readiness";
import { planTransition, WORKFLOW_ACTIONS, type TransitionContext } from "../transitions";

export const itemTransitionSchema = z.object({
  id: z.uuid(),
  action: z.enum(WORKFLOW_ACTIONS),
  /**
   * The revision the reviewer was looking at: approving (or sending back) binds to it, and a newer
   * one refuses the decision. Other steps act on the current words or on the approved revision.
   */
  revisionId: z.uuid().optional(),
  comment: z.string().trim().max(5000, "Kommentaren får vara högst 5 000 tecken.").optional(),
  /** For "schedule": an ISO instant (the form converts Stockholm time to UTC). */
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  /** For publishing a corrected version: shown to readers as "Rättelse <datum>: …". */
  correction: z.string().trim().max(1000, "Rättelsen får vara högst 1 000 tecken.").optional(),
});
export type ItemTransitionInput = z.input<typeof itemTransitionSchema>;

export type TransitionOutcome = { status: string; paths: string[] };

/** Where a text lives and whether readers see it; everything planTransition needs besides the actor. */
export async function itemContext(tx: Tx | Db, item: typeof contentItems.$inferSelect, mayEdit: boolean, now: Date): Promise<TransitionContext> {
  const live = Boolean(item.publishedRevisionId && item.publishedAt && item.publishedAt <= now && !item.withdrawnAt);
  let publishableAlone = item.kind === "post";
  if (item.kind === "article" && item.issueId) {
    const [issue] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, item.issueId));
    publishableAlone = Boolean(issue?.publishedAt && !issue.withdrawnAt && issue.publishedAt <= now);
  }
  return { target: "item", status: item.status, live, mayEdit, publishableAlone };
}

async function publicTarget(tx: Tx, item: typeof contentItems.$inferSelect, publishedAt = item.publishedAt) {
  const [pub] = await tx.select().from(publications).where(eq(publications.id, item.publicationId));
  if (item.kind === "post") return { kind: "post" as const, blogSlug: pub!.slug, slug: item.slug, publishedAt };
  const [issue] = item.issueId ? await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, item.issueId)) : [];
  return { kind: "issue" as const, year: issue?.year ?? 0, number: issue?.number ?? 0 };
}

/**
 * Publishes the approved revision of a text (by a person, or by the scheduler as the system). The
 * approval must still hold: the current revision is the approved one and its hash is unchanged.
 */
export async function publishApprovedItem(tx: Tx, item: typeof contentItems.$inferSelect, actor: AuditActor, now: Date, correction?: string) {
  const [current] = await tx.select().from(revisions).where(eq(revisions.id, item.currentRevisionId!));
  if (!item.approvedRevisionId || item.approvedRevisionId !== item.currentRevisionId || current?.contentHash !== item.approvedContentHash) {
    throw new AppError("INVALID_TRANSITION", "Texten har ändrats efter godkännandet och måste godkännas igen.");
  }
  const republishing = Boolean(item.publishedRevisionId);
  await tx
    .update(contentItems)
    .set({ status: "published", publishedRevisionId: item.approvedRevisionId, publishedAt: item.publishedAt ?? now, withdrawnAt: null, scheduledAt: null, updatedAt: now })
    .where(eq(contentItems.id, item.id));
  await cancelJobs(tx, "publish.item", { itemId: item.id });
  // Only a post's first publication goes to the blog's subscribers, never a new version of it.
  if (item.kind === "post" && !republishing) await queueEditionSend(tx, { itemId: item.id }, actor, now);
  if (correction) {
    if (!republishing) throw new AppError("INVALID_INPUT", "En rättelse kan bara läggas till en text som redan har varit publicerad.");
    await tx
      .insert(corrections)
      .values({ itemId: item.id, revisionId: item.approvedRevisionId, text: correction, createdBy: actor === "system" ? null : actor.id, createdAt: now });
    await recordAudit(tx, { actor, action: "item.correction_published", entityType: "item", entityId: item.id, summary: `Rättelse: ${correction}` });
  }
  await recordAudit(tx, {
    actor,
    action: "item.published",
    entityType: "item",
    entityId: item.id,
    summary: `"${current.title}" publicerad, version ${current.number}${republishing ? " (ny version av en publicerad text)" : ""}`,
  });
  const target = await publicTarget(tx, item, item.publishedAt ?? now);
  const paths = affectedPublicPaths(target);
  const publicPath = target.kind === "post" ? `/blogg/${target.blogSlug}/${target.slug}` : `/nyhetsbrev/${target.year}/${target.number}`;
  await notifyWriters(tx, [item.id], "item.published", templates.published({ title: current.title, publicUrl: absoluteUrl(publicPath) }));
  return paths;
}

/** Takes one workflow step on a text, in one transaction with its audit row and notifications. */
export async function transitionItem(db: Db, actor: CurrentUser, raw: ItemTransitionInput, now = new Date()): Promise<TransitionOutcome> {
  return db.transaction((tx) => transitionItemInTx(tx, actor, raw, now));
}

/** The same inside a caller's transaction (the approval link uses the token in the same one). */
export async function transitionItemInTx(tx: Tx, actor: CurrentUser, raw: ItemTransitionInput, now = new Date()): Promise<TransitionOutcome> {
  const input = parseInput(itemTransitionSchema, raw);

  const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
  const plan = planTransition(actor, input.action, await itemContext(tx, item, canEdit(actor, owned), now));
  if (!plan.ok) throw new AppError(plan.code, plan.message);
  // Under the row lock: what the reviewer saw must still be the current words, so an approval and an
  // edit never mix. (Publishing checks the approved revision itself, in publishApprovedItem.)
  if ((input.action === "approve" || input.action === "request_changes") && current.id !== input.revisionId) {
    throw new AppError("CONFLICT", "Texten har ändrats sedan du öppnade den. Ladda om sidan och läs den nya versionen först.");
  }
  const set = (values: Partial<typeof contentItems.$inferInsert>) =>
    tx
      .update(contentItems)
      .set({ ...values, updatedAt: now })
      .where(eq(contentItems.id, item.id));
  const audit = (action: string, summary: string) => recordAudit(tx, { actor, action, entityType: "item", entityId: item.id, summary });
  const title = current.title || "Text utan rubrik";
  const editUrl = absoluteUrl(`/redaktion/texter/${item.id}`);
  let paths: string[] = [];

  switch (input.action) {
    case "submit": {
      const problems = textReadinessProblems(current, item.warningOverrides);
      if (problems.length > 0) {
        throw new AppError("INVALID_INPUT", "Texten kan inte skickas för granskning ännu.", { reasons: problems });
      }
      await set({ status: plan.to, submittedBy: actor.id, submittedAt: now });
      await audit("item.submitted", `"${title}" skickad för granskning, version ${current.number}`);
      await notifyReviewers(
        tx,
        { itemId: item.id, revisionId: current.id, contentHash: current.contentHash, title, reviewPath: `/redaktion/texter/${item.id}/granska`, about: "text" },
        actor,
        now,
      );
      break;
    }
    case "request_changes": {
      if (!input.comment) throw new AppError("INVALID_INPUT", "Skriv vad som behöver ändras.", { comment: ["Skriv vad som behöver ändras."] });
      await addCommentInTx(tx, actor, { itemId: item.id, body: input.comment });
      await set({ status: plan.to, ...NO_APPROVAL });
      await audit("item.changes_requested", `Ändringar begärda i "${title}", version ${current.number}: ${input.comment}`);
      await notifyWriters(tx, [item.id], "item.changes_requested", templates.changesRequested({ title, reviewerName: actor.name, comment: input.comment, editUrl }));
      break;
    }
    case "approve": {
      await set({ status: plan.to, approvedRevisionId: current.id, approvedContentHash: current.contentHash, approvedBy: actor.id, approvedAt: now });
      await recordAudit(tx, {
        actor,
        action: "item.approved",
        entityType: "item",
        entityId: item.id,
        summary: `Godkänd av ${actor.name}, ${ROLE_LABELS[actor.role].toLowerCase()}, ${formatDateTime(now)}, version ${current.number}`,
        // The review page diffs against the last approved revision even after an edit voided it.
        details: { revisionId: current.id, revisionNumber: current.number, contentHash: current.contentHash },
      });
      await notifyWriters(tx, [item.id], "item.approved", templates.approved({ title, approverName: actor.name, version: current.number, editUrl }));
      break;
    }
    case "publish": {
      paths = await publishApprovedItem(tx, item, actor, now, input.correction || undefined);
      break;
    }
    case "schedule": {
      const at = input.scheduledAt ? new Date(input.scheduledAt) : null;
      if (!at || at.getTime() <= now.getTime() + 60_000) {
        throw new AppError("INVALID_INPUT", "Välj en tidpunkt minst en minut framåt i tiden.", { scheduledAt: ["Välj en tidpunkt minst en minut framåt i tiden."] });
      }
      await cancelJobs(tx, "publish.item", { itemId: item.id });
      await set({ status: plan.to, scheduledAt: at });
      await scheduleJob(tx, { kind: "publish.item", payload: { itemId: item.id }, runAt: at, createdBy: actor.id });
      await audit("item.scheduled", `"${title}" schemalagd att publiceras ${formatDateTime(at)}, version ${current.number}`);
      break;
    }
    case "unschedule": {
      await cancelJobs(tx, "publish.item", { itemId: item.id });
      await set({ status: plan.to, scheduledAt: null });
      await audit("item.schedule_cancelled", `Schemaläggningen av "${title}" avbröts`);
      break;
    }
    case "withdraw": {
      await cancelJobs(tx, "publish.item", { itemId: item.id });
      await cancelEditionSend(tx, { itemId: item.id }, now);
      await set({ status: plan.to, withdrawnAt: now, scheduledAt: null, ...NO_APPROVAL });
      await audit("item.withdrawn", `"${title}" avpublicerad`);
      paths = affectedPublicPaths(await publicTarget(tx, item));
      break;
    }
  }
  return { status: plan.to, paths };
}

/** The scheduler's side of "Schemalägg": publish the text if it is still scheduled and approved. */
export async function publishScheduledItem(db: Db, itemId: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(contentItems)
      .where(and(eq(contentItems.id, itemId), eq(contentItems.status, "scheduled"), lte(contentItems.scheduledAt, now)))
      .for("update");
    // Cancelled, edited or published by hand meanwhile: nothing to do, and that is not an error.
    if (!item) return [];
    return publishApprovedItem(tx, item, "system", now);
  });
}
