import { and, isNull, lt, notExists, sql } from "drizzle-orm";
import { rateLimits, subscribers, subscriptionConfirmations } from "@/db/schema";
import type { Db } from "@/db/types";
import { CONFIRMATION_TTL_MS } from "./consent";
import { SUBSCRIBE_PER_EMAIL, SUBSCRIBE_PER_IP } from "./rate-limit";

/**
 * How long a spent confirmation is kept after it expired: long enough that its link still says
 * "already used" or "expired" instead of "unknown" to someone who clicks an old mail.
 */
export const KEEP_SPENT_CONFIRMATIONS_MS = CONFIRMATION_TTL_MS;

/**
 * Keeps only what a subscription needs (GDPR: data minimisation). An address that never confirmed
 * is deleted once every link it was sent has expired; spent confirmations go a week after that; rate
 * counters whose window has passed go too. Run by the background worker; safe on several instances.
 */
export async function purgeExpiredSubscriptionData(db: Db, now = new Date()): Promise<{ pending: number; confirmations: number; counters: number }> {
  const pending = await db
    .delete(subscribers)
    .where(
      and(
        isNull(subscribers.confirmedAt),
        lt(subscribers.createdAt, new Date(now.getTime() - CONFIRMATION_TTL_MS)),
        notExists(
          db
            .select({ one: sql`1` })
            .from(subscriptionConfirmations)
            .where(
              and(
                sql`${subscriptionConfirmations.subscriberId} = ${subscribers.id}`,
                isNull(subscriptionConfirmations.usedAt),
                sql`${subscriptionConfirmations.expiresAt} > ${now.toISOString()}::timestamptz`,
              ),
            ),
        ),
      ),
    )
    .returning({ id: subscribers.id });
  const confirmations = await db
    .delete(subscriptionConfirmations)
    .where(lt(subscriptionConfirmations.expiresAt, new Date(now.getTime() - KEEP_SPENT_CONFIRMATIONS_MS)))
    .returning({ id: subscriptionConfirmations.id });
  const longestWindow = Math.max(SUBSCRIBE_PER_IP.windowMs, SUBSCRIBE_PER_EMAIL.windowMs);
  const counters = await db
    .delete(rateLimits)
    .where(and(sql`${rateLimits.key} like 'subscribe-%'`, lt(rateLimits.windowStart, new Date(now.getTime() - longestWindow))))
    .returning({ key: rateLimits.key });
  return { pending: pending.length, confirmations: confirmations.length, counters: counters.length };
}
