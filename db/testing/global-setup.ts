import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { drizzleOnPglite, migrateDb, migrationsFolder } from "../open";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle } from "drizzle-orm/node-postgres";
import { adminUrl, assertLocalDatabase } from "./urls";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; dumpPath: string } | { kind: "postgres"; url: string; template: string };
  }
}

/**
 * Migrates one database for the whole run; every test file then starts from a copy of it (a PGlite
 * data-dir dump, or a PostgreSQL template database), which is far cheaper than migrating per file.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    assertLocalDatabase(url);
    const template = `kb_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const templateClient = new pg.Client({ connectionString: adminUrl(url, template) });
    await templateClient.connect();
    await migratePg(drizzle({ client: templateClient }), { migrationsFolder });
    await templateClient.end();
    project.provide("testDatabase", { kind: "postgres", url, template });
    return async () => {
      await admin.query(`drop database if exists ${template}`);
      await admin.end();
    };
  }

  const client = await PGlite.create();
  await migrateDb(drizzleOnPglite(client), "pglite");
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dumpPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kb-test-")), "migrated.tar");
  fs.writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", dumpPath });
  return () => fs.rmSync(path.dirname(dumpPath), { recursive: true, force: true });
}
