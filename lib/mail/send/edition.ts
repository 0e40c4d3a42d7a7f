import { and, eq, isNull, sql } from "drizzle-orm";
import { contentItems, mailDeliveries, mailEditions, newsletterIssues } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import type { AuditActor } from "@/lib/audit";
import { cancelJobs, scheduleJob } from "@/lib/jobs/queue";
import type { RenderedEdition } from "@/lib/mail/edition/types";

/** What an edition is the e-mail of: a newsletter issue or one blog post. */
export type EditionTarget = { issueId: string } | { itemId: string };

/** Renders the e-mail of a target once; the sender personalizes it per subscriber. */
export type RenderEdition = (db: Db, target: EditionTarget) => Promise<RenderedEdition>;

/**
 * The real renderer, imported on first use: it pulls in React and the e-mail components, which the
 * worker does not need until an edition is actually made (and the crash fixture never does).
 */
export const renderEdition: RenderEdition = async (db, target) => {
  const edition = await import("@/lib/mail/edition");
  return "issueId" in target ? edition.renderIssueEdition(db, target.issueId) : edition.renderPostEdition(db, target.itemId);
};

const jobFor = (target: EditionTarget) =>
  "issueId" in target ? ({ kind: "send.issue", payload: { issueId: target.issueId } } as const) : ({ kind: "send.post", payload: { itemId: target.itemId } } as const);

/**
 * Called inside the publish transaction: only a job row, so publishing stays fast and the send
 * commits (or rolls back) with the publication. The job does the rendering and the queueing.
 */
export async function queueEditionSend(tx: DbOrTx, target: EditionTarget, actor: AuditActor, now: Date): Promise<void> {
  const job = jobFor(target);
  await scheduleJob(tx, { ...job, runAt: now, createdBy: actor === "system" ? null : actor.id } as Parameters<typeof scheduleJob>[1]);
}

/**
 * Withdrawing stops the send: a job not yet run is cancelled, the edition is marked cancelled (the
 * sender claims nothing of it any more) and its queued deliveries become "cancelled". Deliveries
 * already handed to SMTP finish as they are.
 */
export async function cancelEditionSend(tx: DbOrTx, target: EditionTarget, now: Date): Promise<number> {
  const job = jobFor(target);
  await cancelJobs(tx, job.kind, job.payload as never);
  const where = "issueId" in target ? eq(mailEditions.issueId, target.issueId) : eq(mailEditions.itemId, target.itemId);
  const [edition] = await tx
    .update(mailEditions)
    .set({ cancelledAt: now })
    .where(and(where, isNull(mailEditions.cancelledAt)))
    .returning({ id: mailEditions.id });
  if (!edition) return 0;
  const rows = await tx
    .update(mailDeliveries)
    .set({ status: "cancelled", lastError: "Utskicket avbröts när texten avpublicerades." })
    .where(and(eq(mailDeliveries.editionId, edition.id), eq(mailDeliveries.status, "queued")))
    .returning({ id: mailDeliveries.id });
  return rows.length;
}

/** The publication and whether the target is live now; null when it no longer exists. */
async function targetState(db: Db, target: EditionTarget) {
  if ("issueId" in target) {
    const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, target.issueId));
    return issue ? { publicationId: issue.publicationId, live: issue.status === "published" && !issue.withdrawnAt } : null;
  }
  const [item] = await db.select().from(contentItems).where(eq(contentItems.id, target.itemId));
  return item ? { publicationId: item.publicationId, live: item.kind === "post" && item.status === "published" && !item.withdrawnAt && Boolean(item.publishedRevisionId) } : null;
}

/**
 * The job: render the edition once, then in ONE transaction insert it and one delivery per
 * confirmed, not paused follower of its publication. The edition is unique per issue or post, so a
 * retried job, a second publication or a republish after withdrawal adds nothing: only the
 * transaction that creates the edition queues deliveries, and a subscriber who confirms later does
 * not get an old issue. Returns the edition id, or null when nothing was (or is any more) to be sent.
 */
export async function prepareEdition(db: Db, target: EditionTarget, render: RenderEdition = renderEdition): Promise<{ editionId: string; queued: number } | null> {
  const state = await targetState(db, target);
  if (!state?.live) return null;
  const existing = await findEdition(db, target);
  if (existing) return null;
  // Outside any transaction: rendering may take a while and must not hold locks (PGlite runs one
  // transaction at a time).
  const rendered = await render(db, target);
  return db.transaction(async (tx) => {
    const [edition] = await tx
      .insert(mailEditions)
      .values({
        ...("issueId" in target ? { issueId: target.issueId } : { itemId: target.itemId }),
        publicationId: state.publicationId,
        // A subject is one header line: a newline in a title must not start another header.
        subject: rendered.subject.replace(/\s+/g, " ").trim(),
        html: rendered.html,
        text: rendered.text,
      })
      .onConflictDoNothing()
      .returning({ id: mailEditions.id });
    if (!edition) return null;
    const inserted = await tx.execute(sql`
      insert into mail_deliveries (edition_id, subscriber_id, next_attempt_at)
      select ${edition.id}, s.id, ${new Date()}
      from subscribers s
      join subscriber_publications sp on sp.subscriber_id = s.id and sp.publication_id = ${state.publicationId}
      where s.confirmed_at is not null and s.paused_at is null
      on conflict do nothing`);
    return { editionId: edition.id, queued: rowCount(inserted) };
  });
}

export async function findEdition(db: DbOrTx, target: EditionTarget) {
  const where = "issueId" in target ? eq(mailEditions.issueId, target.issueId) : eq(mailEditions.itemId, target.itemId);
  const [edition] = await db.select({ id: mailEditions.id, cancelledAt: mailEditions.cancelledAt }).from(mailEditions).where(where);
  return edition ?? null;
}

/** node-postgres says rowCount, PGlite affectedRows. */
function rowCount(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return Number(r.rowCount ?? r.affectedRows ?? 0);
}
