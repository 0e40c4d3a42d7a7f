import type { Db } from "@/db/types";
import { pruneLoginAttempts } from "./rate-limit";
import { pruneEndedSessions } from "./sessions";

/** Log-in counters that no longer count, and ended sessions whose cookies have expired. Hourly, by the worker. */
export async function purgeExpiredLogInData(db: Db, now = new Date()): Promise<{ attempts: number; sessions: number }> {
  return { attempts: await pruneLoginAttempts(db, now), sessions: await pruneEndedSessions(db, now) };
}
