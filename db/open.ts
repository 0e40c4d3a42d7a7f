import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { acquireLock } from "./pglite-lock";
import { openRemotePglite } from "./pglite-remote";
import * as schema from "./schema";
import type { Db } from "./types";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Any fixed number: it only has to be the same in every instance of the app.
const MIGRATION_LOCK_ID = 4_711_2026;

export type OpenDatabase = {
  db: Db;
  mode: "pglite" | "postgres";
  close: () => Promise<void>;
  /** The embedded database's data folder as a gzipped tarball, consistent while it runs; PostgreSQL has pg_dump. */
  dump?: () => Promise<Blob>;
};

export function drizzleOnPglite(client: PGlite): Db {
  return drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
}

export async function migrateDb(db: Db, mode: OpenDatabase["mode"]): Promise<void> {
  if (mode === "pglite") {
    await migratePglite(db as never, { migrationsFolder });
  } else {
    await migratePg(db as never, { migrationsFolder });
  }
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Several instances may start at once: the advisory lock lets exactly one of them migrate.
  const connection = await pool.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migratePg(drizzlePg({ client: connection, schema, casing: "snake_case" }), { migrationsFolder });
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
    connection.release();
  }
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return { db, mode: "postgres", close: () => pool.end() };
}

async function openPglite(dir: string): Promise<OpenDatabase> {
  const absolute = path.resolve(dir);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const release = acquireLock(absolute);
  try {
    // In a thread of its own, so that the server's main thread is never busy running a query.
    const client = await openRemotePglite(absolute);
    const db = drizzleOnPglite(client as unknown as PGlite);
    await migratePglite(db as never, { migrationsFolder });
    return {
      db,
      mode: "pglite",
      dump: () => client.dumpDataDir(),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export function openDatabase(config: { DATABASE_URL?: string; PGLITE_DIR: string }): Promise<OpenDatabase> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(config.PGLITE_DIR);
}

/**
 * An empty, migrated database in memory: what `next build` renders its throwaway prerenders from.
 * The page cache starts empty at run time, so none of them is ever served.
 */
export async function openScratchDatabase(): Promise<OpenDatabase> {
  const client = await PGlite.create();
  const db = drizzleOnPglite(client);
  await migrateDb(db, "pglite");
  return { db, mode: "pglite", close: () => client.close() };
}
