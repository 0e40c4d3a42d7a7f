import { inArray, sql } from "drizzle-orm";
import { loginAttempts } from "@/db/schema";
import type { Db } from "@/db/types";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Per e-mail address: guards one account against guessing. */
export const MAX_FAILURES_PER_EMAIL = 5;
/** Per client address: guards against trying many accounts; higher, since offices share addresses. */
export const MAX_FAILURES_PER_IP = 30;

export type AttemptRecord = { windowStart: Date; failures: number };

export function loginKeys(email: string, ip: string | null): { key: string; limit: number }[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, limit: MAX_FAILURES_PER_EMAIL }];
  if (ip) keys.push({ key: `ip:${ip}`, limit: MAX_FAILURES_PER_IP });
  return keys;
}

/** Pure: is this key blocked now? A window that has run out no longer counts. */
export function isBlocked(record: AttemptRecord | undefined, limit: number, now: Date): boolean {
  if (!record) return false;
  if (now.getTime() - record.windowStart.getTime() >= LOGIN_WINDOW_MS) return false;
  return record.failures >= limit;
}

export async function isLoginBlocked(db: Db, email: string, ip: string | null, now = new Date()): Promise<boolean> {
  const keys = loginKeys(email, ip);
  const rows = await db
    .select()
    .from(loginAttempts)
    .where(inArray(loginAttempts.key, keys.map((k) => k.key)));
  return keys.some(({ key, limit }) => isBlocked(rows.find((row) => row.key === key), limit, now));
}

/** Counts a failure for every key in one statement per key, atomically across app instances. */
export async function recordLoginFailure(db: Db, email: string, ip: string | null, now = new Date()): Promise<void> {
  const windowStartCutoff = new Date(now.getTime() - LOGIN_WINDOW_MS);
  for (const { key } of loginKeys(email, ip)) {
    await db
      .insert(loginAttempts)
      .values({ key, windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: loginAttempts.key,
        set: {
          failures: sql`case when ${loginAttempts.windowStart} <= ${windowStartCutoff.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
          windowStart: sql`case when ${loginAttempts.windowStart} <= ${windowStartCutoff.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStart} end`,
        },
      });
  }
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(inArray(loginAttempts.key, [loginKeys(email, null)[0]!.key]));
}
