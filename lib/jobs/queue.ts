import { and, asc, eq, lte, sql } from "drizzle-orm";
import { jobs } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";

/** The kinds of durable job, each with what it needs to find its work again after a restart. */
export type JobPayloads = {
  "publish.item": { itemId: string };
  "publish.issue": { issueId: string };
  /** Render an issue's e-mail once and queue one delivery per subscriber (lib/mail/send). */
  "send.issue": { issueId: string };
  /** The same for a blog post's first publication. */
  "send.post": { itemId: string };
};
export type JobKind = keyof JobPayloads;

export async function scheduleJob<K extends JobKind>(tx: DbOrTx, job: { kind: K; payload: JobPayloads[K]; runAt: Date; createdBy: string | null }): Promise<string> {
  const [row] = await tx.insert(jobs).values(job).returning({ id: jobs.id });
  return row!.id;
}

/** Cancels the pending jobs of one kind for one entity (e.g. the scheduled publication of a text). */
export async function cancelJobs<K extends JobKind>(tx: DbOrTx, kind: K, payload: JobPayloads[K]): Promise<number> {
  const rows = await tx
    .update(jobs)
    .set({ status: "cancelled", finishedAt: new Date() })
    .where(and(eq(jobs.kind, kind), eq(jobs.status, "pending"), sql`${jobs.payload} @> ${JSON.stringify(payload)}::jsonb`))
    .returning({ id: jobs.id });
  return rows.length;
}

/** `now` is the time the run is for, so a catch-up pass acts as of its own clock (and tests can move it). */
export type JobHandlers = { [K in JobKind]: (db: Db, payload: JobPayloads[K], now: Date) => Promise<void> };

const MAX_ATTEMPTS = 5;

/** What became of one run of one job: for its log line (lib/jobs/worker/worker.ts). */
export type JobRun = {
  id: string;
  kind: string;
  outcome: "done" | "retry" | "failed";
  attempts: number;
  durationMs: number;
  error?: unknown;
};

/**
 * Runs every job whose time has come, one at a time. A job is claimed with FOR UPDATE SKIP LOCKED in
 * its own transaction, so two instances never run the same job; one that fails is retried with
 * backoff, and a job missed while the server was down is simply due now (the catch-up at start-up).
 */
export async function runDueJobs(db: Db, handlers: JobHandlers, now = new Date(), observe: (run: JobRun) => void = () => {}): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, "pending"), lte(jobs.runAt, now)))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!job) return null;
      await tx
        .update(jobs)
        .set({ status: "running", lockedAt: new Date(), attempts: job.attempts + 1 })
        .where(eq(jobs.id, job.id));
      return job;
    });
    if (!claimed) return { done, failed };
    const started = performance.now();
    const attempts = claimed.attempts + 1;
    try {
      const handler = handlers[claimed.kind as JobKind] as ((db: Db, payload: unknown, now: Date) => Promise<void>) | undefined;
      if (!handler) throw new Error(`Okänd jobbtyp: ${claimed.kind}`);
      await handler(db, claimed.payload, now);
      await db.update(jobs).set({ status: "done", finishedAt: new Date(), lastError: null }).where(eq(jobs.id, claimed.id));
      done += 1;
      observe({ id: claimed.id, kind: claimed.kind, outcome: "done", attempts, durationMs: performance.now() - started });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = attempts < MAX_ATTEMPTS;
      await db
        .update(jobs)
        .set({
          status: retry ? "pending" : "failed",
          lastError: message,
          runAt: retry ? new Date(now.getTime() + 2 ** attempts * 30_000) : claimed.runAt,
          finishedAt: retry ? null : new Date(),
        })
        .where(eq(jobs.id, claimed.id));
      failed += 1;
      observe({ id: claimed.id, kind: claimed.kind, outcome: retry ? "retry" : "failed", attempts, durationMs: performance.now() - started, error });
    }
  }
}

/**
 * A job left "running" by a process that died mid-job would never run again: put such jobs back
 * after a grace period. Called at start-up and by the poller.
 */
export async function releaseStaleJobs(db: Db, olderThanMs = 5 * 60_000): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({ status: "pending" })
    .where(and(eq(jobs.status, "running"), lte(jobs.lockedAt, new Date(Date.now() - olderThanMs))))
    .returning({ id: jobs.id });
  return rows.length;
}
