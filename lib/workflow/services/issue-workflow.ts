import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import { contentItems, newsletterIssues, reviewComments, revisions } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit, type AuditActor } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { canonical } from "@/lib/content/hash";
import { AppError, parseInput } from "@/lib/errors";
import { absoluteUrl } from "@/lib/feeds/urls";
import { formatDateTime } from "@/lib/format";
import { freezeCalendar } from "@/lib/issues/calendar";
import { cancelJobs, scheduleJob } from "@/lib/jobs/queue";
import { cancelEditionSend, queueEditionSend } from "@/lib/mail/send/edition";
import * as templates from "@/lib/mail/templates";
import { ROLE_LABELS } from "@/lib/permissions";
import { NO_APPROVAL } from "../void-approval";
import { notifyReviewers, notifyWriters } from "./notify";
import { affectedPublicPaths } from "../public-paths";
import { issueReadinessProblems } from "../readiness";
import { planTransition, WORKFLOW_ACTIONS } from "../transitions";

export const issueTransitionSchema = z.object({
  id: z.uuid(),
  action: z.enum(WORKFLOW_ACTIONS),
  /** The issue as the user saw it (see issueContentHash): approving binds to exactly that. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  comment: z.string().trim().max(5000, "Kommentaren får vara högst 5 000 tecken.").optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
});
export type IssueTransitionInput = z.input<typeof issueTransitionSchema>;

type IssueRow = typeof newsletterIssues.$inferSelect;

/** The issue's articles in order with their current revisions. */
export async function issueArticlesWithRevisions(tx: Tx | Db, issueId: string) {
  return tx
    .select({ item: contentItems, revision: revisions })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .where(eq(contentItems.issueId, issueId))
    .orderBy(asc(contentItems.position));
}

/**
 * What an approval of an issue is bound to: its number, theme and calendar window, and each
 * article's place and exact words. Any edit, added article or new order changes it.
 */
export function issueContentHash(
  issue: IssueRow,
  articles: readonly { item: { id: string; placement: string; position: number }; revision: { id: string; contentHash: string } }[],
): string {
  const shape = {
    number: issue.number,
    year: issue.year,
    title: issue.title,
    calendar: [issue.calendarFrom, issue.calendarTo, issue.calendarNote],
    articles: articles.map(({ item, revision }) => [item.id, item.placement, item.position, revision.id, revision.contentHash]),
  };
  return createHash("sha256").update(canonical(shape)).digest("hex");
}

export async function currentIssueHash(tx: Tx | Db, issue: IssueRow): Promise<string> {
  return issueContentHash(issue, await issueArticlesWithRevisions(tx, issue.id));
}

const issueName = (issue: { number: number; year: number }) => `Nummer ${issue.number} ${issue.year}`;

/**
 * Publishes an approved issue as a unit: every article's approved revision goes live at the same
 * instant, and the Kalendarium is frozen as it is now. Refused if anything changed since approval.
 */
export async function publishApprovedIssue(tx: Tx, issue: IssueRow, actor: AuditActor, now: Date): Promise<string[]> {
  const articles = await issueArticlesWithRevisions(tx, issue.id);
  if (!issue.approvedContentHash || issueContentHash(issue, articles) !== issue.approvedContentHash) {
    throw new AppError("INVALID_TRANSITION", "Numret har ändrats efter godkännandet och måste godkännas igen.");
  }
  for (const { item, revision } of articles) {
    await tx
      .update(contentItems)
      .set({
        status: "published",
        publishedRevisionId: revision.id,
        approvedRevisionId: revision.id,
        approvedContentHash: revision.contentHash,
        publishedAt: item.publishedAt ?? now,
        withdrawnAt: null,
        scheduledAt: null,
        updatedAt: now,
      })
      .where(eq(contentItems.id, item.id));
  }
  await freezeCalendar(tx, issue.id);
  await tx
    .update(newsletterIssues)
    .set({ status: "published", publishedAt: issue.publishedAt ?? now, withdrawnAt: null, scheduledAt: null, updatedAt: now })
    .where(eq(newsletterIssues.id, issue.id));
  await cancelJobs(tx, "publish.issue", { issueId: issue.id });
  // The e-mail to subscribers commits with the publication; a republish finds its edition and sends nothing.
  await queueEditionSend(tx, { issueId: issue.id }, actor, now);
  await recordAudit(tx, {
    actor,
    action: "issue.published",
    entityType: "issue",
    entityId: issue.id,
    summary: `${issueName(issue)} publicerat med ${articles.length} artiklar: ${articles.map((a) => `"${a.revision.title}" version ${a.revision.number}`).join(", ")}`,
  });
  const path = `/nyhetsbrev/${issue.year}/${issue.number}`;
  await notifyWriters(
    tx,
    articles.map((a) => a.item.id),
    "issue.published",
    templates.published({ title: issueName(issue), publicUrl: absoluteUrl(path), about: "issue" }),
  );
  return affectedPublicPaths({ kind: "issue", year: issue.year, number: issue.number });
}

/** Takes one workflow step on a whole newsletter issue; its articles travel with it. */
export async function transitionIssue(db: Db, actor: CurrentUser, raw: IssueTransitionInput, now = new Date()): Promise<{ status: string; paths: string[] }> {
  return db.transaction((tx) => transitionIssueInTx(tx, actor, raw, now));
}

/** The same inside a caller's transaction (the approval link uses the token in the same one). */
export async function transitionIssueInTx(tx: Tx, actor: CurrentUser, raw: IssueTransitionInput, now = new Date()): Promise<{ status: string; paths: string[] }> {
  const input = parseInput(issueTransitionSchema, raw);

  const [issue] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, input.id)).for("update");
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  const live = Boolean(issue.publishedAt && issue.publishedAt <= now && !issue.withdrawnAt);
  const plan = planTransition(actor, input.action, { target: "issue", status: issue.status, live, mayEdit: false, publishableAlone: true });
  if (!plan.ok) throw new AppError(plan.code, plan.message);
  // Article rows are locked too, so no edit can slip in between the check and the change.
  const locked = await tx.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.issueId, issue.id)).for("update");
  const articles = await issueArticlesWithRevisions(tx, issue.id);
  const hash = issueContentHash(issue, articles);
  if (input.action !== "withdraw" && hash !== input.contentHash) {
    throw new AppError("CONFLICT", "Numret har ändrats sedan du öppnade det. Ladda om sidan och granska det igen.");
  }
  const articleIds = locked.map((a) => a.id);
  const setIssue = (values: Partial<typeof newsletterIssues.$inferInsert>) =>
    tx
      .update(newsletterIssues)
      .set({ ...values, updatedAt: now })
      .where(eq(newsletterIssues.id, issue.id));
  const setArticles = async (values: Partial<typeof contentItems.$inferInsert>, onlyFrom?: ("draft" | "in_review" | "changes_requested" | "approved" | "scheduled")[]) => {
    if (articleIds.length === 0) return;
    const scope = onlyFrom ? and(inArray(contentItems.id, articleIds), inArray(contentItems.status, onlyFrom)) : inArray(contentItems.id, articleIds);
    await tx
      .update(contentItems)
      .set({ ...values, updatedAt: now })
      .where(scope);
  };
  const audit = (action: string, summary: string) => recordAudit(tx, { actor, action, entityType: "issue", entityId: issue.id, summary });
  const name = issueName(issue);
  const editUrl = absoluteUrl(`/redaktion/nummer/${issue.id}`);
  let paths: string[] = [];

  switch (input.action) {
    case "submit": {
      const problems = issueReadinessProblems(
        articles.map(({ item, revision }) => ({ ...revision, warningOverrides: item.warningOverrides, status: item.status, submittedAt: item.submittedAt })),
      );
      if (problems.length > 0) throw new AppError("INVALID_INPUT", "Numret kan inte skickas för granskning ännu.", { reasons: problems });
      await setIssue({ status: plan.to, submittedBy: actor.id, submittedAt: now });
      // Only drafts whose approval an edit voided are left to bring along: the rest were refused above.
      await setArticles({ status: "in_review" }, ["draft"]);
      await audit("issue.submitted", `${name} skickat för granskning med ${articles.length} artiklar`);
      await notifyReviewers(tx, { issueId: issue.id, contentHash: hash, title: name, reviewPath: `/redaktion/nummer/${issue.id}`, about: "issue" }, actor, now);
      break;
    }
    case "request_changes": {
      if (!input.comment) throw new AppError("INVALID_INPUT", "Skriv vad som behöver ändras.", { comment: ["Skriv vad som behöver ändras."] });
      await tx.insert(reviewComments).values({ issueId: issue.id, authorId: actor.id, body: input.comment });
      await setIssue({ status: plan.to, approvedBy: null, approvedAt: null, approvedContentHash: null });
      // The request is about the issue (its comment is on the issue): articles stay in review, their
      // approvals cleared, so answering it does not oblige every writer to send their article again.
      await setArticles({ status: "in_review", ...NO_APPROVAL }, ["in_review", "approved"]);
      await audit("issue.changes_requested", `Ändringar begärda i ${name}: ${input.comment}`);
      await notifyWriters(
        tx,
        articleIds,
        "issue.changes_requested",
        templates.changesRequested({ title: name, reviewerName: actor.name, comment: input.comment, editUrl, about: "issue" }),
      );
      break;
    }
    case "approve": {
      const stamp = `Godkänd av ${actor.name}, ${ROLE_LABELS[actor.role].toLowerCase()}, ${formatDateTime(now)}`;
      await setIssue({ status: plan.to, approvedBy: actor.id, approvedAt: now, approvedContentHash: hash });
      for (const { item, revision } of articles) {
        // Articles already live keep their published version until the issue is published again.
        await tx
          .update(contentItems)
          .set({ status: "approved", approvedRevisionId: revision.id, approvedContentHash: revision.contentHash, approvedBy: actor.id, approvedAt: now, updatedAt: now })
          .where(eq(contentItems.id, item.id));
        await recordAudit(tx, {
          actor,
          action: "item.approved",
          entityType: "item",
          entityId: item.id,
          summary: `${stamp}, version ${revision.number} (i ${name})`,
          details: { revisionId: revision.id, revisionNumber: revision.number, contentHash: revision.contentHash },
        });
      }
      await audit("issue.approved", `${name}: ${stamp}, ${articles.map((a) => `"${a.revision.title}" version ${a.revision.number}`).join(", ")}`);
      await notifyWriters(tx, articleIds, "issue.approved", templates.approved({ title: name, approverName: actor.name, version: issue.version, editUrl, about: "issue" }));
      break;
    }
    case "publish": {
      paths = await publishApprovedIssue(tx, issue, actor, now);
      break;
    }
    case "schedule": {
      const at = input.scheduledAt ? new Date(input.scheduledAt) : null;
      if (!at || at.getTime() <= now.getTime() + 60_000) {
        throw new AppError("INVALID_INPUT", "Välj en tidpunkt minst en minut framåt i tiden.", { scheduledAt: ["Välj en tidpunkt minst en minut framåt i tiden."] });
      }
      await cancelJobs(tx, "publish.issue", { issueId: issue.id });
      await setIssue({ status: plan.to, scheduledAt: at });
      await setArticles({ status: "scheduled", scheduledAt: at }, ["approved"]);
      await scheduleJob(tx, { kind: "publish.issue", payload: { issueId: issue.id }, runAt: at, createdBy: actor.id });
      await audit("issue.scheduled", `${name} schemalagt att publiceras ${formatDateTime(at)}`);
      break;
    }
    case "unschedule": {
      await cancelJobs(tx, "publish.issue", { issueId: issue.id });
      await setIssue({ status: plan.to, scheduledAt: null });
      await setArticles({ status: "approved", scheduledAt: null }, ["scheduled"]);
      await audit("issue.schedule_cancelled", `Schemaläggningen av ${name} avbröts`);
      break;
    }
    case "withdraw": {
      await cancelJobs(tx, "publish.issue", { issueId: issue.id });
      await cancelEditionSend(tx, { issueId: issue.id }, now);
      await setIssue({ status: plan.to, withdrawnAt: now, scheduledAt: null, approvedBy: null, approvedAt: null, approvedContentHash: null });
      await audit("issue.withdrawn", `${name} avpublicerat`);
      paths = affectedPublicPaths({ kind: "issue", year: issue.year, number: issue.number });
      break;
    }
  }
  return { status: plan.to, paths };
}

/** The scheduler's side: publish the issue if it is still scheduled, approved and unchanged. */
export async function publishScheduledIssue(db: Db, issueId: string, now = new Date()): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [issue] = await tx
      .select()
      .from(newsletterIssues)
      .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.status, "scheduled"), lte(newsletterIssues.scheduledAt, now)))
      .for("update");
    if (!issue) return [];
    await tx.select({ id: contentItems.id }).from(contentItems).where(eq(contentItems.issueId, issue.id)).for("update");
    return publishApprovedIssue(tx, issue, "system", now);
  });
}
