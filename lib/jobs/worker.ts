import type { Db } from "@/db/types";
import { deliverDueMail } from "@/lib/mail/deliver";
import { prepareEdition } from "@/lib/mail/send/edition";
import { runSender } from "@/lib/mail/send/send";
import { defaultEditionTransport } from "@/lib/mail/send/transport";
import { publishScheduledIssue } from "@/lib/workflow/issue-workflow";
import { publishScheduledItem } from "@/lib/workflow/item-workflow";
import { purgeExpiredSubscriptionData } from "@/lib/subscriptions/purge-expired";
import { requestRevalidation } from "@/lib/workflow/revalidate";
import { releaseStaleJobs, runDueJobs, type JobHandlers } from "./queue";

type Revalidate = (paths: readonly string[]) => Promise<void>;

export function jobHandlers(revalidate: Revalidate): JobHandlers {
  return {
    "publish.item": async (db, { itemId }, now) => revalidate(await publishScheduledItem(db, itemId, now)),
    "publish.issue": async (db, { issueId }, now) => revalidate(await publishScheduledIssue(db, issueId, now)),
    "send.issue": async (db, { issueId }) => void (await prepareEdition(db, { issueId })),
    "send.post": async (db, { itemId }) => void (await prepareEdition(db, { itemId })),
  };
}

/**
 * One pass: due jobs first (publications, and the rendering and queueing of a newsletter), then the
 * newsletter deliveries for up to a time budget, then the notification mail.
 */
export async function workOnce(db: Db, now = new Date(), revalidate: Revalidate = requestRevalidation) {
  await releaseStaleJobs(db);
  const jobs = await runDueJobs(db, jobHandlers(revalidate), now);
  const newsletters = await runSender(db, defaultEditionTransport());
  const mail = await deliverDueMail(db);
  await purgeNowAndThen(db, now);
  return { jobs, newsletters, mail };
}

const PURGE_EVERY_MS = 60 * 60_000;
let lastPurge = 0;

/** Expired subscription data goes within the hour; running it every ten seconds would only cost. */
async function purgeNowAndThen(db: Db, now: Date): Promise<void> {
  if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now.getTime();
  await purgeExpiredSubscriptionData(db, now);
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
    try {
      const { jobs, newsletters, mail } = await workOnce(db);
      if (jobs.done + jobs.failed + mail.sent + mail.failed > 0) {
        console.log(`Bakgrundsjobb: ${jobs.done} klara, ${jobs.failed} misslyckade; e-post: ${mail.sent} skickade, ${mail.failed} misslyckade.`);
      }
      if (newsletters.claimed + newsletters.unknown > 0) {
        console.log(`Utskick: ${newsletters.sent} skickade, ${newsletters.retried} försöks igen, ${newsletters.failed} misslyckade, ${newsletters.unknown} med okänt utfall.`);
      }
    } catch (error) {
      console.error("Bakgrundsjobben kunde inte köras:", error);
    } finally {
      running = false;
    }
  };
  state.__kbWorker = setInterval(tick, POLL_MS);
  state.__kbWorker.unref();
  void tick();
}
