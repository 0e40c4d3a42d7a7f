import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { inject } from "vitest";
import { drizzleOnPglite } from "../open";
import * as schema from "../schema";
import type { Db } from "../types";
import { adminUrl } from "./urls";

export type TestDb = { db: Db; kind: "pglite" | "postgres"; close: () => Promise<void> };

/** A migrated, empty database of its own for one test file (PGlite, or PostgreSQL in CI's second pass). */
export async function createTestDb(): Promise<TestDb> {
  const config = inject("testDatabase");
  if (config.kind === "pglite") {
    const client = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(config.dumpPath)]) });
    return { db: drizzleOnPglite(client), kind: "pglite", close: () => client.close() };
  }
  const name = `kb_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl(config.url) });
  await admin.connect();
  await admin.query(`create database ${name} template ${config.template}`);
  const pool = new pg.Pool({ connectionString: adminUrl(config.url, name), max: 5 });
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    close: async () => {
      await pool.end();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}
