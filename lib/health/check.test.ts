import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Db } from "@/db/types";
import { checkHealth, latestShippedMigration } from "./check";

const state = vi.hoisted(() => ({ db: null as unknown as () => Promise<unknown> }));
vi.mock("@/db/client", () => ({ getDb: () => state.db() }));

const { GET } = await import("@/app/api/health/route");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

describe("latestShippedMigration", () => {
  it("is the newest entry of the journal", () => {
    expect(latestShippedMigration([{ when: 3 }, { when: 9 }, { when: 5 }])).toBe(9);
    expect(latestShippedMigration()).toBeGreaterThan(1_700_000_000_000);
  });
});

describe("checkHealth and GET /api/health", () => {
  it("is up on a migrated database: 200, not cached, no data", async () => {
    state.db = async () => t.db;
    expect(await checkHealth(async () => t.db)).toEqual({ ok: true });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is up on a database a newer version has migrated further", async () => {
    expect(await checkHealth(async () => t.db, latestShippedMigration() - 1)).toEqual({ ok: true });
  });

  it("is down when the database lacks a migration this build ships: 503", async () => {
    expect(await checkHealth(async () => t.db, latestShippedMigration() + 1)).toEqual({ ok: false, reason: "migrations" });
    // The real journal, against a database whose newest migration is missing.
    await t.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    state.db = async () => t.db;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "fel", orsak: "Databasen saknar migreringar som den här versionen behöver." });
  });

  it("is down when the database cannot be opened or does not answer in time: 503", async () => {
    state.db = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    };
    const refused = await GET();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ status: "fel", orsak: "Databasen svarar inte." });

    const hanging = { execute: () => new Promise(() => {}) } as unknown as Db;
    const started = Date.now();
    expect(await checkHealth(async () => hanging, latestShippedMigration(), 50)).toMatchObject({ ok: false, reason: "database" });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
