import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { mailDeliveries, mailEditions, mailMessages, subscribers } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { fromAddress, IN_FLIGHT_ERROR, mailHost } from "@/lib/mail/deliver";
import { personalize } from "@/lib/mail/edition/placeholder";
import { listUnsubscribeHeaders, unsubscribeUrl } from "@/lib/subscriptions/tokens";
import { afterFailure, claimIsAbandoned, classifyFailure, failureReason, formatWorkerId, PAUSE_AFTER_PERMANENT_FAILURES, STALE_CLAIM_MS, type WorkerIdentity } from "../policy";
import { currentWorker, pidIsAlive, type EditionMessage, type EditionTransport } from "../transport";

/** Per claim: large enough to amortize the two transactions per batch (PGlite syncs its folder on each), small enough that a crash leaves at most this many of unknown outcome. */
export const SEND_BATCH_SIZE = 100;
/** Per worker pass: the rest waits for the next pass, so publications and other mail are not held up. */
export const SEND_BUDGET_MS = 8_000;

export type SendOptions = { batchSize?: number; now?: Date; worker?: WorkerIdentity };
export type SendResult = { claimed: number; sent: number; retried: number; failed: number; skipped: number };

type Edition = { id: string; subject: string; html: string; text: string; kind: string };

// Editions never change once made (only cancelledAt, which the claim checks), so each process reads
// one once instead of loading a 100 kB HTML with every batch. Small: one entry per running send.
const editionCache = new Map<string, Edition>();

async function loadEdition(db: Db, id: string): Promise<Edition> {
  let edition = editionCache.get(id);
  if (!edition) {
    const [row] = await db.select().from(mailEditions).where(eq(mailEditions.id, id));
    if (!row) throw new Error(`Utgåvan ${id} finns inte.`);
    edition = { id, subject: row.subject, html: row.html, text: row.text, kind: row.issueId ? "newsletter.issue" : "newsletter.post" };
    if (editionCache.size > 20) editionCache.clear();
    editionCache.set(id, edition);
  }
  return edition;
}

/** One subscriber's copy: their unsubscribe link in the body and the List-Unsubscribe headers. */
export function editionMessage(edition: Omit<Edition, "id" | "kind">, delivery: { id: string; subscriberId: string; email: string }): EditionMessage {
  const own = personalize({ subject: edition.subject, preheader: "", html: edition.html, text: edition.text }, unsubscribeUrl(delivery.subscriberId));
  return {
    id: delivery.id,
    messageId: `<${delivery.id}@${mailHost()}>`,
    from: fromAddress(),
    to: delivery.email,
    subject: edition.subject,
    text: own.text,
    html: own.html,
    headers: listUnsubscribeHeaders(delivery.subscriberId),
  };
}

type Claimed = { id: string; editionId: string; subscriberId: string; email: string; attempts: number };

/**
 * Claims due deliveries in one short transaction (FOR UPDATE SKIP LOCKED: two workers never claim
 * the same row). A row whose subscriber has since left, been paused or deleted is cancelled here
 * rather than sent. Without a transport the claimed rows go to the outbox in the same transaction.
 */
async function claim(tx: Tx, batchSize: number, now: Date, claimer: string, toOutbox: boolean): Promise<{ claimed: Claimed[]; skipped: number; outboxed: number }> {
  const d = mailDeliveries;
  const rows = await tx
    .select({
      id: d.id,
      editionId: d.editionId,
      subscriberId: d.subscriberId,
      attempts: d.attempts,
      email: subscribers.email,
      confirmedAt: subscribers.confirmedAt,
      pausedAt: subscribers.pausedAt,
      follows: sql<boolean>`exists (select 1 from subscriber_publications sp where sp.subscriber_id = ${d.subscriberId} and sp.publication_id = ${mailEditions.publicationId})`,
    })
    .from(d)
    .innerJoin(mailEditions, and(eq(mailEditions.id, d.editionId), isNull(mailEditions.cancelledAt)))
    .leftJoin(subscribers, eq(subscribers.id, d.subscriberId))
    .where(and(eq(d.status, "queued"), lte(d.nextAttemptAt, now)))
    .orderBy(asc(d.nextAttemptAt))
    .limit(batchSize)
    .for("update", { of: d, skipLocked: true });
  const eligible: Claimed[] = [];
  const gone: string[] = [];
  for (const row of rows) {
    if (row.subscriberId && row.email && row.confirmedAt && !row.pausedAt && row.follows) {
      eligible.push({ id: row.id, editionId: row.editionId, subscriberId: row.subscriberId, email: row.email, attempts: row.attempts + 1 });
    } else {
      gone.push(row.id);
    }
  }
  if (gone.length > 0) {
    await tx.update(d).set({ status: "cancelled", lastError: "Mottagaren prenumererar inte längre eller är pausad." }).where(inArray(d.id, gone));
  }
  if (eligible.length === 0) return { claimed: [], skipped: gone.length, outboxed: 0 };
  const ids = eligible.map((row) => row.id);
  if (toOutbox) {
    const editions = new Map<string, Edition>();
    for (const id of new Set(eligible.map((row) => row.editionId))) editions.set(id, await loadEdition(tx as unknown as Db, id));
    // Text "" and html null: the outbox view shows the edition with this message's link put in,
    // rather than keeping 10,000 copies of one issue.
    await tx.insert(mailMessages).values(
      eligible.map((row) => {
        const edition = editions.get(row.editionId)!;
        return {
          to: row.email,
          subject: edition.subject,
          text: "",
          html: null,
          kind: edition.kind,
          editionId: edition.id,
          headers: listUnsubscribeHeaders(row.subscriberId),
          status: "outbox" as const,
          dedupeKey: `delivery:${row.id}`,
        };
      }),
    );
    await tx
      .update(d)
      .set({ status: "sent", sentAt: new Date(), attempts: sql`${d.attempts} + 1`, claimedAt: new Date(), claimedBy: claimer, lastError: null })
      .where(inArray(d.id, ids));
    return { claimed: eligible, skipped: gone.length, outboxed: eligible.length };
  }
  await tx
    .update(d)
    .set({ status: "sending", claimedAt: new Date(), claimedBy: claimer, attempts: sql`${d.attempts} + 1` })
    .where(inArray(d.id, ids));
  return { claimed: eligible, skipped: gone.length, outboxed: 0 };
}

/** Runs `work` over `items` with at most `limit` at a time, settling every one. */
async function settleAll<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<PromiseSettledResult<void>[]> {
  const results: PromiseSettledResult<void>[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        await work(items[i]!);
        results[i] = { status: "fulfilled", value: undefined };
      } catch (reason) {
        results[i] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}

/**
 * Sends one batch of due deliveries. The crash boundary (see deliverDueMail in lib/mail/deliver.ts for
 * the same reasoning): a row is "sending" with this worker's id BEFORE the SMTP server sees it, and
 * that commits first; the hand-over happens outside any transaction; the outcome is written after.
 * A process that dies in between leaves "sending" rows, which sweepAbandonedClaims turns into
 * "unknown" (Okänt utfall): possibly delivered, never re-sent by itself. At most one batch can end
 * up there per crash. Only rows still "sending" take the outcome, so a sweep or a staff action that
 * came first is never overwritten.
 */
export async function sendDueDeliveries(db: Db, transport: EditionTransport | null, options: SendOptions = {}): Promise<SendResult> {
  const batchSize = options.batchSize ?? SEND_BATCH_SIZE;
  const now = options.now ?? new Date();
  const claimer = formatWorkerId(options.worker ?? currentWorker());
  const { claimed, skipped, outboxed } = await db.transaction((tx) => claim(tx, batchSize, now, claimer, !transport));
  const result: SendResult = { claimed: claimed.length, sent: outboxed, retried: 0, failed: 0, skipped };
  if (!transport || claimed.length === 0) return result;

  const editions = new Map<string, Edition>();
  for (const id of new Set(claimed.map((row) => row.editionId))) editions.set(id, await loadEdition(db, id));
  const outcomes = await settleAll(claimed, transport.concurrency, (row) => transport.send(editionMessage(editions.get(row.editionId)!, row)));

  const sent = claimed.filter((_, i) => outcomes[i]!.status === "fulfilled");
  const failures = claimed.flatMap((row, i) => {
    const outcome = outcomes[i]!;
    return outcome.status === "rejected" ? [{ row, error: outcome.reason as unknown }] : [];
  });
  const d = mailDeliveries;
  const stillMine = (ids: string[]) => and(inArray(d.id, ids), eq(d.status, "sending"), eq(d.claimedBy, claimer));
  await db.transaction(async (tx) => {
    if (sent.length > 0) {
      await tx
        .update(d)
        .set({ status: "sent", sentAt: new Date(), lastError: null })
        .where(stillMine(sent.map((row) => row.id)));
      await tx
        .update(subscribers)
        .set({ permanentFailures: 0 })
        .where(
          and(
            inArray(
              subscribers.id,
              sent.map((row) => row.subscriberId),
            ),
            sql`${subscribers.permanentFailures} > 0`,
          ),
        );
    }
    for (const { row, error } of failures) {
      const kind = classifyFailure(error);
      const next = afterFailure(kind, row.attempts, now);
      const reason = failureReason(error);
      await tx
        .update(d)
        .set(next.status === "queued" ? { status: "queued", nextAttemptAt: next.nextAttemptAt, lastError: reason, claimedBy: null } : { status: "failed", lastError: reason })
        .where(stillMine([row.id]));
      if (kind === "permanent") {
        await tx
          .update(subscribers)
          .set({
            permanentFailures: sql`${subscribers.permanentFailures} + 1`,
            pausedAt: sql`case when ${subscribers.permanentFailures} + 1 >= ${PAUSE_AFTER_PERMANENT_FAILURES} then coalesce(${subscribers.pausedAt}, now()) else ${subscribers.pausedAt} end`,
          })
          .where(eq(subscribers.id, row.subscriberId));
      }
      if (next.status === "queued") result.retried += 1;
      else result.failed += 1;
    }
  });
  result.sent += sent.length;
  return result;
}

/**
 * Turns the "sending" rows of dead workers into "unknown". Run before sending: a worker that starts
 * after a crash reports the crash's casualties at once instead of after the stale timeout.
 */
export async function sweepAbandonedClaims(db: Db, options: { now?: Date; worker?: WorkerIdentity; isAlive?: (pid: number) => boolean; staleMs?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const self = options.worker ?? currentWorker();
  const d = mailDeliveries;
  const claims = await db
    .select({ claimedBy: d.claimedBy, claimedAt: sql<Date>`min(${d.claimedAt})`.mapWith(d.claimedAt) })
    .from(d)
    .where(eq(d.status, "sending"))
    .groupBy(d.claimedBy);
  let swept = 0;
  for (const claim of claims) {
    if (!claimIsAbandoned(claim, self, now, options.isAlive ?? pidIsAlive, options.staleMs)) continue;
    // A live claimer on another host with a mix of old and new claims: only the old ones go.
    const sameOwner = claim.claimedBy === null ? sql`${d.claimedBy} is null` : eq(d.claimedBy, claim.claimedBy);
    const ownerDead = claimIsAbandoned({ claimedBy: claim.claimedBy, claimedAt: now }, self, now, options.isAlive ?? pidIsAlive, options.staleMs);
    const rows = await db
      .update(d)
      .set({ status: "unknown", lastError: IN_FLIGHT_ERROR })
      .where(and(eq(d.status, "sending"), sameOwner, ownerDead ? undefined : lte(d.claimedAt, new Date(now.getTime() - (options.staleMs ?? STALE_CLAIM_MS)))))
      .returning({ id: d.id });
    swept += rows.length;
  }
  return swept;
}

/**
 * One pass of the sender: sweep, then batches until nothing is due or the time budget is used. The
 * worker loop calls it; a standalone sender process may call it in a loop of its own.
 */
export async function runSender(db: Db, transport: EditionTransport | null, options: SendOptions & { budgetMs?: number } = {}): Promise<SendResult & { unknown: number }> {
  const started = Date.now();
  const unknown = await sweepAbandonedClaims(db, { now: options.now, worker: options.worker });
  const total: SendResult & { unknown: number } = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0, unknown };
  while (Date.now() - started < (options.budgetMs ?? SEND_BUDGET_MS)) {
    const batch = await sendDueDeliveries(db, transport, options);
    for (const key of ["claimed", "sent", "retried", "failed", "skipped"] as const) total[key] += batch[key];
    if (batch.claimed + batch.skipped === 0) break;
  }
  return total;
}
