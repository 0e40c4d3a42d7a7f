import { eq, sql } from "drizzle-orm";
import { loginAttempts } from "@/db/schema";
import type { Db } from "@/db/types";

/** How long attempts are remembered: from the first one, or from the end of the account's last delay. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Per account: attempts let through at once; after these, each further attempt has to wait. */
export const FREE_ATTEMPTS_PER_EMAIL = 5;
/**
 * The longest wait between two attempts at one account. A delay rather than a block, so that no one
 * can lock an account out for longer than this by guessing wrong on purpose.
 */
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Per client address: guards against trying many accounts; higher, since offices share addresses. */
export const MAX_ATTEMPTS_PER_IP = 30;

export type AttemptVerdict = { ok: true } | { ok: false; retryAt: Date };

/**
 * The per-client key. An IPv6 client usually has a whole /64 to choose addresses from, so it counts
 * as one client; an IPv4 address is itself.
 */
export function addressKey(ip: string): string {
  if (!ip.includes(":")) return `ip:${ip}`;
  const [head = "", tail] = ip.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `ip:${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;

/**
 * Pure: how long an account waits after its n-th attempt in a row that did not log in: nothing for
 * the first few, then 1 s, 2 s, 4 s … up to MAX_DELAY_MS. Mirrors the SQL in takeLoginAttempt, which
 * is what the limit actually uses (it has to, to be atomic).
 */
export function delayAfter(attempts: number): number {
  if (attempts < FREE_ATTEMPTS_PER_EMAIL) return 0;
  return Math.min(2 ** Math.min(attempts - FREE_ATTEMPTS_PER_EMAIL, 20) * 1000, MAX_DELAY_MS);
}

const at = (time: Date) => sql`${time.toISOString()}::timestamptz`;
/** The time a row stops counting: the end of its window, or of its delay and a window after that. */
const rememberedFrom = sql`coalesce(${loginAttempts.notBefore}, ${loginAttempts.windowStart})`;
const forgottenAt = (now: Date) => sql`${rememberedFrom} <= ${at(new Date(now.getTime() - LOGIN_WINDOW_MS))}`;

/**
 * Counts one log-in attempt before the password is checked, so that parallel guesses each see their
 * own count (1, 2, 3 …) and only those within the limits reach the password check. First the client
 * address, a plain limit per window; then the account, which after FREE_ATTEMPTS_PER_EMAIL makes
 * every further attempt wait (delayAfter). An attempt that comes too early is refused without being
 * counted for the account, so guessing during the wait does not prolong it; it still counts for the
 * client address, so one client hammering an account soon stops reaching it at all.
 */
export async function takeLoginAttempt(db: Db, email: string, ip: string | null, now = new Date()): Promise<AttemptVerdict> {
  if (ip) {
    const expired = sql`${loginAttempts.windowStart} <= ${at(new Date(now.getTime() - LOGIN_WINDOW_MS))}`;
    const [row] = await db
      .insert(loginAttempts)
      .values({ key: addressKey(ip), windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${loginAttempts.failures} + 1 end`,
          windowStart: sql`case when ${expired} then ${at(now)} else ${loginAttempts.windowStart} end`,
        },
      })
      .returning();
    if (row && row.failures > MAX_ATTEMPTS_PER_IP) return { ok: false, retryAt: new Date(row.windowStart.getTime() + LOGIN_WINDOW_MS) };
  }

  const key = emailKey(email);
  const forgotten = forgottenAt(now);
  const count = sql`case when ${forgotten} then 1 else ${loginAttempts.failures} + 1 end`;
  const exponent = sql`least(${count} - ${FREE_ATTEMPTS_PER_EMAIL}, 20)`;
  const [admitted] = await db
    .insert(loginAttempts)
    .values({ key, windowStart: now, failures: 1, notBefore: delayAfter(1) > 0 ? new Date(now.getTime() + delayAfter(1)) : null })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: count,
        windowStart: sql`case when ${forgotten} then ${at(now)} else ${loginAttempts.windowStart} end`,
        notBefore: sql`case when ${count} >= ${FREE_ATTEMPTS_PER_EMAIL} then ${at(now)} + make_interval(secs => least(power(2, ${exponent}), ${MAX_DELAY_MS / 1000})) end`,
      },
      setWhere: sql`${loginAttempts.notBefore} is null or ${loginAttempts.notBefore} <= ${at(now)}`,
    })
    .returning({ failures: loginAttempts.failures });
  if (admitted) return { ok: true };
  const [waiting] = await db.select({ notBefore: loginAttempts.notBefore }).from(loginAttempts).where(eq(loginAttempts.key, key));
  return { ok: false, retryAt: waiting?.notBefore ?? now };
}

/**
 * After a successful log-in: the account starts afresh, and the client address gets its attempt
 * back, so that an office where everyone logs in in the morning is not limited by that.
 */
export async function forgetLoginAttempt(db: Db, email: string, ip: string | null): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, emailKey(email)));
  if (ip) {
    await db
      .update(loginAttempts)
      .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
      .where(eq(loginAttempts.key, addressKey(ip)));
  }
}

/** Rows that no longer count for anything. Run by the background worker's hourly purge. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(loginAttempts).where(forgottenAt(now)).returning({ key: loginAttempts.key });
  return gone.length;
}
