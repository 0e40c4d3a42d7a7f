import { eq, lt, sql } from "drizzle-orm";
import { endedSessions, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { SESSION_MAX_AGE_SECONDS } from "./base-config";
import type { CurrentUser } from "./session";

/** What a session cookie says about itself (claims written at log-in, lib/auth/base-config.ts). */
export type SessionClaims = { userId: string; sessionId?: string; sessionVersion?: number };

/**
 * The user a session cookie stands for, as the database has them now: null for a deactivated
 * user, a session ended by "Logga ut", or one from before the user's sessions were ended (a new
 * password, deactivation). A cookie from before sessions carried these claims is not valid either.
 */
export async function sessionUser(db: Db, claims: SessionClaims): Promise<CurrentUser | null> {
  const { userId, sessionId, sessionVersion } = claims;
  if (!sessionId || sessionVersion === undefined || !isUuid(userId) || !isUuid(sessionId)) return null;
  const [row] = await db
    .select({
      user: users,
      ended: sql<boolean>`exists (select 1 from ${endedSessions} where ${endedSessions.sessionId} = ${sessionId})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row || row.ended || !row.user.active || row.user.sessionVersion !== sessionVersion) return null;
  const { user } = row;
  return { id: user.id, name: user.name, email: user.email, jobTitle: user.jobTitle, role: user.role, active: true };
}

/**
 * "Logga ut": this session ends now, on every copy of its cookie, while the user's other sessions
 * (another computer, the phone) go on. Kept until the cookie could have expired anyway.
 */
export async function endSession(db: DbOrTx, sessionId: string, now = new Date()): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db
    .insert(endedSessions)
    .values({ sessionId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) })
    .onConflictDoNothing();
}

/**
 * Ends every session the user has, at their next request: for deactivation and a new password (and
 * for an administrator who suspects a stolen cookie). Call it in the same transaction as the change.
 */
export async function endSessions(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** Ended sessions whose cookies have expired by now. Run by the background worker's hourly purge. */
export async function pruneEndedSessions(db: Db, now = new Date()): Promise<number> {
  const gone = await db.delete(endedSessions).where(lt(endedSessions.expiresAt, now)).returning({ id: endedSessions.sessionId });
  return gone.length;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
