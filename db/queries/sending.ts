import { and, desc, eq, sql } from "drizzle-orm";
import { DELIVERY_STATUSES, mailDeliveries, mailEditions, subscribers, type DeliveryStatus } from "../schema";
import type { Db } from "../types";

/** The "Utskick" panel's data; plain JSON (ISO dates), so the route can return it as it is. */
export type SendingStatus = {
  editionId: string;
  subject: string;
  counts: Record<DeliveryStatus, number>;
  /** Failed deliveries grouped by their reason, most common first. */
  failures: { reason: string; count: number }[];
  /** Addresses of unknown outcome (the first 100), for the utgivare deciding on "Skicka igen". */
  unknown: string[];
  startedAt: string | null;
  finishedAt: string | null;
  cancelledAt: string | null;
  /** Something is queued or being handed over: the panel keeps polling. */
  running: boolean;
};

/** The e-mail edition of an issue, if its send has been prepared. */
export async function editionIdOfIssue(db: Db, issueId: string): Promise<string | null> {
  const [row] = await db.select({ id: mailEditions.id }).from(mailEditions).where(eq(mailEditions.issueId, issueId));
  return row?.id ?? null;
}

export async function sendingStatus(db: Db, editionId: string): Promise<SendingStatus | null> {
  const [edition] = await db
    .select({ id: mailEditions.id, subject: mailEditions.subject, cancelledAt: mailEditions.cancelledAt })
    .from(mailEditions)
    .where(eq(mailEditions.id, editionId));
  if (!edition) return null;
  const d = mailDeliveries;
  const [groups, failures, unknown, [times]] = await Promise.all([
    db
      .select({ status: d.status, n: sql<number>`count(*)::int` })
      .from(d)
      .where(eq(d.editionId, editionId))
      .groupBy(d.status),
    db
      .select({ reason: sql<string>`coalesce(${d.lastError}, '')`, count: sql<number>`count(*)::int` })
      .from(d)
      .where(and(eq(d.editionId, editionId), eq(d.status, "failed")))
      .groupBy(sql`1`)
      .orderBy(desc(sql`2`))
      .limit(20),
    db
      .select({ email: subscribers.email })
      .from(d)
      .innerJoin(subscribers, eq(subscribers.id, d.subscriberId))
      .where(and(eq(d.editionId, editionId), eq(d.status, "unknown")))
      .orderBy(subscribers.email)
      .limit(100),
    db
      .select({ started: sql<string | null>`min(${d.claimedAt})::text`, finished: sql<string | null>`max(coalesce(${d.sentAt}, ${d.claimedAt}))::text` })
      .from(d)
      .where(eq(d.editionId, editionId)),
  ]);
  const counts = Object.fromEntries(DELIVERY_STATUSES.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
  for (const group of groups) counts[group.status] = group.n;
  const running = !edition.cancelledAt && counts.queued + counts.sending > 0;
  const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
  return {
    editionId,
    subject: edition.subject,
    counts,
    failures: failures.map((f) => ({ reason: f.reason || "Okänt fel", count: f.count })),
    unknown: unknown.map((u) => u.email),
    startedAt: iso(times?.started),
    finishedAt: running ? null : iso(times?.finished),
    cancelledAt: edition.cancelledAt?.toISOString() ?? null,
    running,
  };
}
