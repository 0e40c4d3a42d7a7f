import type { Db } from "@/db/types";
import { deliverDueMail } from "@/lib/mail/deliver";
import { prepareEdition } from "@/lib/mail/send/edition";
import { runSender } from "@/lib/mail/send/send";
import { defaultEditionTransport } from "@/lib/mail/transport";
import { publishScheduledIssue } from "@/lib/workflow/services/issue-workflow";
import { publishScheduledItem } from "@/lib/workflow/services/item-workflow";
import { purgeExpiredSubscriptionData } from "@/lib/subscriptions/purge-expired";
import { purgeExpiredLogInData } from "@/lib/auth/purge-expired";
import { requestRevalidation } from "@/lib/workflow/revalidate";
import { log, type Logger } from "@/lib/log/log.mjs";
import { releaseStaleJobs, runDueJobs, type JobHandlers, type JobRun } from "../queue";

type Revalidate = (paths: readonly string[]) => Promise<void>;

export function jobHandlers(revalidate: Revalidate): JobHandlers {
  return {
    "publish.item": async (db, { itemId }, now) => revalidate(await publishScheduledItem(db, itemId, now)),
    "publish.issue": async (db, { issueId }, now) => revalidate(await publishScheduledIssue(db, issueId, now)),
    "send.issue": async (db, { issueId }) => void (await prepareEdition(db, { issueId })),
    "send.post": async (db, { itemId }) => void (await prepareEdition(db, { itemId })),
  };
}

/** One line per job run: a failure that will be retried is a warning, the last one an error. */
function logJobRun(logger: Logger, { id, kind, outcome, attempts, durationMs, error }: JobRun): void {
  const level = outcome === "done" ? "info" : outcome === "retry" ? "warn" : "error";
  logger[level]("job.run", { jobId: id, kind, outcome, attempts, durationMs, error });
}

/**
 * One pass: due jobs first (publications, and the rendering and queueing of a newsletter), then the
 * newsletter deliveries for up to a time budget, then the notification mail. Each job, and each
 * sending pass that had something to do, is one log line (lib/log): ids and counts, no addresses.
 */
export async function workOnce(db: Db, now = new Date(), revalidate: Revalidate = requestRevalidation, logger: Logger = log) {
  const released = await releaseStaleJobs(db);
  if (released > 0) logger.warn("job.released", { counts: { released } });
  const jobs = await runDueJobs(db, jobHandlers(revalidate), now, (run) => logJobRun(logger, run));

  let started = performance.now();
  const newsletters = await runSender(db, defaultEditionTransport());
  if (newsletters.claimed + newsletters.skipped + newsletters.unknown > 0) {
    const trouble = newsletters.failed + newsletters.unknown > 0;
    logger[trouble ? "warn" : "info"]("mail.newsletter", {
      outcome: trouble ? "some-failed" : "done",
      durationMs: performance.now() - started,
      counts: newsletters,
    });
  }

  started = performance.now();
  const mail = await deliverDueMail(db);
  if (mail.sent + mail.failed > 0) {
    logger[mail.failed > 0 ? "warn" : "info"]("mail.notifications", {
      outcome: mail.failed > 0 ? "some-failed" : "done",
      durationMs: performance.now() - started,
      counts: mail,
    });
  }

  await purgeNowAndThen(db, now, logger);
  return { jobs, newsletters, mail };
}

const PURGE_EVERY_MS = 60 * 60_000;
let lastPurge = 0;

/** Expired subscription and log-in data go within the hour; running it every ten seconds would only cost. */
async function purgeNowAndThen(db: Db, now: Date, logger: Logger): Promise<void> {
  if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now.getTime();
  const started = performance.now();
  const counts = await purgeExpiredSubscriptionData(db, now);
  logger.info("subscriptions.purge", { outcome: "done", durationMs: performance.now() - started, counts });
  logger.info("login.purge", { outcome: "done", counts: await purgeExpiredLogInData(db, now) });
}

const POLL_MS = 10_000;

/**
 * Polls the job table for the life of the process. The first pass runs at once, so a publication
 * whose time passed while the server was down happens at start-up. Every instance may poll: jobs
 * are claimed with SKIP LOCKED, so each runs once.
 */
export function startWorker(db: Db): void {
  const state = globalThis as unknown as { __kbWorker?: NodeJS.Timeout };
  if (state.__kbWorker) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    const started = performance.now();
    try {
      await workOnce(db);
    } catch (error) {
      log.error("jobs.pass", { outcome: "error", durationMs: performance.now() - started, error });
    } finally {
      running = false;
    }
  };
  state.__kbWorker = setInterval(tick, POLL_MS);
  state.__kbWorker.unref();
  void tick();
}
