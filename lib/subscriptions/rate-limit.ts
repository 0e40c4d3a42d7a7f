import { sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

export type RateRule = { key: string; limit: number; windowMs: number };

const HOUR = 60 * 60 * 1000;

/** Offices and schools share one address, so the per-client limit is generous. */
export const SUBSCRIBE_PER_IP = { limit: 20, windowMs: HOUR } as const;
/**
 * Every request naming an address counts, whether it leads to a mail or not: counting only the mails
 * would let a stranger tell a new address (its third request is refused) from one that already
 * follows everything (never refused). Three a day also caps the confirmation mails one inbox gets.
 */
export const SUBSCRIBE_PER_EMAIL = { limit: 3, windowMs: 24 * HOUR } as const;

export const ipRule = (ip: string): RateRule => ({ key: `subscribe-ip:${ip}`, ...SUBSCRIBE_PER_IP });
/** Keyed by the address's hash: the table never holds an address. */
export const emailRule = (emailHash: string): RateRule => ({ key: `subscribe-email:${emailHash}`, ...SUBSCRIBE_PER_EMAIL });

/**
 * Counts one request against a fixed window and says whether it is within the limit. One upsert, so
 * two instances counting the same key at once both see the other's hit. Refused requests count too:
 * hammering does not shorten the wait.
 */
export async function takeRateLimit(db: DbOrTx, rule: RateRule, now = new Date()): Promise<boolean> {
  const expired = sql`${rateLimits.windowStart} <= ${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= rule.limit;
}
