import "server-only";
import { openDatabase, openScratchDatabase, type OpenDatabase } from "./open";
import type { Db } from "./types";
import { databaseEnv, isBuildPhase } from "./env";

export type { Db } from "./types";

// Next.js may load this module in more than one bundle (instrumentation, routes); the handle lives
// on globalThis so that one process still opens the database exactly once.
const globalKey = Symbol.for("kommunbladet.db");
type Holder = { [globalKey]?: Promise<OpenDatabase> };

function openOnce(): Promise<OpenDatabase> {
  const holder = globalThis as Holder;
  holder[globalKey] ??= isBuildPhase() ? openScratchDatabase() : openDatabase(databaseEnv());
  return holder[globalKey];
}

/**
 * The process's database, opened and migrated on first use. Reader pages read it too: they are
 * cached (lib/server/page-cache-handler.mjs) and revalidated on publish, so not per request. During
 * `next build` it is an empty scratch database.
 */
export async function getDb(): Promise<Db> {
  return (await openOnce()).db;
}

/**
 * A consistent copy of the embedded database while the server runs (for `npm run backup`), or null
 * on PostgreSQL, which is backed up with pg_dump.
 */
export async function dumpDatabase(): Promise<Blob | null> {
  const open = await openOnce();
  return open.dump ? open.dump() : null;
}
