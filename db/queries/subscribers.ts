import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, like, sql } from "drizzle-orm";
import { auditLog, publications, subscriberPublications, subscribers, subscriptionConfirmations, subscriptionConsents } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";

/**
 * Every publication a resident may follow: the newsletter first, then the blogs by name. An archived
 * one is not offered: nothing new will come from it.
 */
export function listFollowablePublications(db: DbOrTx) {
  return db
    .select({ id: publications.id, name: publications.name, kind: publications.kind, slug: publications.slug })
    .from(publications)
    .where(isNull(publications.archivedAt))
    .orderBy(sql`${publications.kind} = 'newsletter' desc`, asc(publications.name));
}

export type FollowablePublication = Awaited<ReturnType<typeof listFollowablePublications>>[number];

/** A confirmation as the page behind the mailed link shows it, found by its token's hash. */
export async function findConfirmation(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      id: subscriptionConfirmations.id,
      email: subscribers.email,
      publicationIds: subscriptionConfirmations.publicationIds,
      usedAt: subscriptionConfirmations.usedAt,
      expiresAt: subscriptionConfirmations.expiresAt,
    })
    .from(subscriptionConfirmations)
    .innerJoin(subscribers, eq(subscribers.id, subscriptionConfirmations.subscriberId))
    .where(eq(subscriptionConfirmations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/** The publications a subscriber follows, by name; for the unsubscribe page and the services. */
export function listFollowed(db: DbOrTx, subscriberId: string) {
  return db
    .select({ id: publications.id, name: publications.name })
    .from(subscriberPublications)
    .innerJoin(publications, eq(publications.id, subscriberPublications.publicationId))
    .where(eq(subscriberPublications.subscriberId, subscriberId))
    .orderBy(sql`${publications.kind} = 'newsletter' desc`, asc(publications.name));
}

/**
 * Per publication: confirmed followers, and pending requests (unused, unexpired confirmations that
 * name it; a person asking twice counts once).
 */
export async function countSubscribersPerPublication(db: Db, now = new Date()) {
  const [all, confirmed, pending] = await Promise.all([
    listFollowablePublications(db),
    db.select({ publicationId: subscriberPublications.publicationId, n: count() }).from(subscriberPublications).groupBy(subscriberPublications.publicationId),
    db
      .select({ publicationId: sql<string>`p.value`, n: sql<number>`count(distinct ${subscriptionConfirmations.subscriberId})::int` })
      .from(subscriptionConfirmations)
      .innerJoin(sql`jsonb_array_elements_text(${subscriptionConfirmations.publicationIds}) as p(value)`, sql`true`)
      .where(and(isNull(subscriptionConfirmations.usedAt), gt(subscriptionConfirmations.expiresAt, now)))
      .groupBy(sql`p.value`),
  ]);
  return all.map((publication) => ({
    ...publication,
    confirmed: confirmed.find((row) => row.publicationId === publication.id)?.n ?? 0,
    pending: pending.find((row) => row.publicationId === publication.id)?.n ?? 0,
  }));
}

export const SUBSCRIBER_AUDIT_ACTIONS = ["subscriber.confirmed", "subscriber.left", "subscriber.left_some", "subscriber.deleted"] as const;

/**
 * Recent confirmations and departures from the audit log. The address is joined from the subscriber
 * row while it exists; someone who left has no row, so no address is shown for them.
 */
export function listRecentSubscriberChanges(db: Db, limit = 20) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      actorLabel: auditLog.actorLabel,
      details: auditLog.details,
      email: subscribers.email,
    })
    .from(auditLog)
    .leftJoin(subscribers, eq(auditLog.entityId, sql`${subscribers.id}::text`))
    .where(and(eq(auditLog.entityType, "subscriber"), inArray(auditLog.action, [...SUBSCRIBER_AUDIT_ACTIONS])))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

export const SUBSCRIBER_PAGE_SIZE = 25;

/**
 * Finding one person: an exact address or the start of one (`anna@` or `anna.s`), confirmed or
 * pending. A prefix search uses the unique index on the address; no substring scan of everyone.
 */
export async function searchSubscribers(db: Db, query: string, page: number) {
  const value = query.trim().toLowerCase();
  if (!value) return { rows: [], total: 0, pageCount: 1 };
  const where = like(subscribers.email, `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: subscribers.id, email: subscribers.email, confirmedAt: subscribers.confirmedAt, createdAt: subscribers.createdAt, pausedAt: subscribers.pausedAt })
      .from(subscribers)
      .where(where)
      .orderBy(asc(subscribers.email))
      .limit(SUBSCRIBER_PAGE_SIZE)
      .offset((page - 1) * SUBSCRIBER_PAGE_SIZE),
    db.select({ n: count() }).from(subscribers).where(where),
  ]);
  const withPublications = await Promise.all(rows.map(async (row) => ({ ...row, publications: await listFollowed(db, row.id) })));
  const n = total?.n ?? 0;
  return { rows: withPublications, total: n, pageCount: Math.max(1, Math.ceil(n / SUBSCRIBER_PAGE_SIZE)) };
}

export async function getSubscriber(db: Db, id: string) {
  const [row] = await db.select({ id: subscribers.id, email: subscribers.email, confirmedAt: subscribers.confirmedAt }).from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

/**
 * Every confirmed subscriber for the CSV export: the address, the names of the publications followed,
 * when confirmed, and the latest consent's version and method.
 */
export function listSubscribersForExport(db: Db) {
  const latestConsent = db
    .selectDistinctOn([subscriptionConsents.subscriberId], {
      subscriberId: subscriptionConsents.subscriberId,
      consentVersion: subscriptionConsents.consentVersion,
      method: subscriptionConsents.method,
    })
    .from(subscriptionConsents)
    .orderBy(subscriptionConsents.subscriberId, desc(subscriptionConsents.confirmedAt))
    .as("latest_consent");
  return db
    .select({
      email: subscribers.email,
      confirmedAt: subscribers.confirmedAt,
      publications: sql<
        string[]
      >`coalesce((select array_agg(${publications.name} order by ${publications.name}) from ${subscriberPublications} join ${publications} on ${publications.id} = ${subscriberPublications.publicationId} where ${subscriberPublications.subscriberId} = ${subscribers.id}), '{}')`,
      consentVersion: latestConsent.consentVersion,
      method: latestConsent.method,
    })
    .from(subscribers)
    .leftJoin(latestConsent, eq(latestConsent.subscriberId, subscribers.id))
    .where(isNotNull(subscribers.confirmedAt))
    .orderBy(asc(subscribers.email));
}
