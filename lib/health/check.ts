import { sql } from "drizzle-orm";
import journal from "@/db/migrations/meta/_journal.json";
import type { Db } from "@/db/types";

/**
 * The newest migration this build ships, as drizzle records it: the journal entry's `when` is the
 * created_at of its row in drizzle.__drizzle_migrations. Read from the journal compiled into the
 * build, so it is the code that is running that is compared, not whatever is on disk now.
 */
export function latestShippedMigration(entries: readonly { when: number }[] = journal.entries): number {
  return Math.max(0, ...entries.map((entry) => entry.when));
}

export type Health = { ok: true } | { ok: false; reason: "database" | "migrations"; error?: unknown };

/** A health check that hangs is as bad as one that fails: a load balancer waits for neither. */
export const HEALTH_TIMEOUT_MS = 3000;

/** The created_at of the newest migration applied to `db`, or null when none is. */
export async function latestAppliedMigration(db: Db): Promise<number | null> {
  const result = await db.execute(sql`select max(created_at) as latest from drizzle.__drizzle_migrations`);
  const latest = (result as unknown as { rows: { latest: unknown }[] }).rows[0]?.latest;
  return latest === null || latest === undefined ? null : Number(latest);
}

/**
 * Up when the database answers and has every migration this build ships. A database ahead of the
 * build (a newer version migrated it; this instance awaits its own upgrade) has everything this code
 * needs, as drizzle's migrator itself judges. One small query; nothing is cached.
 */
export async function checkHealth(database: () => Promise<Db>, shipped = latestShippedMigration(), timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Databasen svarade inte inom ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    const applied = await Promise.race([database().then(latestAppliedMigration), timeout]);
    return applied !== null && applied >= shipped ? { ok: true } : { ok: false, reason: "migrations" };
  } catch (error) {
    return { ok: false, reason: "database", error };
  } finally {
    clearTimeout(timer);
  }
}
