import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isIssueNumberTaken } from "@/lib/issues/lock";
import { drizzleOnPglite, migrateDb } from "./open";
import { openRemotePglite, type RemotePglite } from "./pglite-remote";
import { newsletterIssues, publications, users } from "./schema";
import type { Db } from "./types";

let remote: RemotePglite;
let db: Db;
const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kb-remote-")), "data");

beforeAll(async () => {
  remote = await openRemotePglite(dir);
  db = drizzleOnPglite(remote as never);
  await migrateDb(db, "pglite");
  await db.insert(users).values(person("Ada Skribent"));
});
afterAll(async () => {
  await remote.close();
});

const person = (name: string) => ({ name, email: `${name.toLowerCase()}@example.se`, role: "skribent" as const, passwordHash: "x" });
const countUsers = async () => (await db.select().from(users)).length;

describe("the embedded database in a worker thread", () => {
  it("answers drizzle's queries with the same types as in-process PGlite (timestamps as text for drizzle to map)", async () => {
    const [user] = await db.select().from(users).where(eq(users.name, "Ada Skribent"));
    expect(user?.name).toBe("Ada Skribent");
    expect(user?.createdAt).toBeInstanceOf(Date);
    const raw = (await db.execute(sql`select 1 + 1 as two, now() as at`)) as unknown as { rows: unknown[] };
    expect(raw.rows[0]).toMatchObject({ two: 2 });
  });

  it("commits a transaction, and rolls back one that throws", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(users).values(person("Bo"));
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(users).values(person("Cia"));
        throw new Error("ångra");
      }),
    ).rejects.toThrow("ångra");
    expect(await countUsers()).toBe(2);
  });

  it("rolls back an explicit tx.rollback() and a nested savepoint alone", async () => {
    await db
      .transaction(async (tx) => {
        await tx.insert(users).values(person("Dan"));
        tx.rollback();
      })
      .catch(() => undefined);
    await db.transaction(async (tx) => {
      await tx.insert(users).values(person("Eva"));
      await tx
        .transaction(async (inner) => {
          await inner.insert(users).values(person("Fia"));
          throw new Error("inre");
        })
        .catch(() => undefined);
    });
    const names = (await db.select({ name: users.name }).from(users)).map((row) => row.name).sort();
    expect(names).toEqual(["Ada Skribent", "Bo", "Eva"]);
  });

  it("keeps other queries out of an open transaction until it ends (isolation, as in one process)", async () => {
    let outsideSaw = -1;
    let outside: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.insert(users).values(person("Gun"));
      outside = countUsers().then((n) => (outsideSaw = n));
      // However slow the machine, the outside query cannot finish while the transaction is open.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(outsideSaw).toBe(-1);
      await tx.delete(users).where(eq(users.name, "Gun"));
    });
    // Waits for the query itself, not a guessed time: it ran after the commit and saw its result.
    await outside;
    expect(outsideSaw).toBe(3);
  });

  it("passes Postgres' error fields through, so callers still recognise a unique violation", async () => {
    const [publication] = await db.insert(publications).values({ slug: "nyhetsbrevet", name: "Nyhetsbrevet", kind: "newsletter" }).returning();
    const issue = { publicationId: publication!.id, number: 1, year: 2026, title: "Nummer 1" };
    await db.insert(newsletterIssues).values(issue);
    const error = await db
      .insert(newsletterIssues)
      .values(issue)
      .catch((e: unknown) => e);
    expect(isIssueNumberTaken(error)).toBe(true);
  });

  it("dumps a consistent copy that in-process PGlite can open", async () => {
    const dump = await remote.dumpDataDir();
    const copy = await PGlite.create({ loadDataDir: dump });
    const { rows } = await copy.query<{ n: number }>("select count(*)::int as n from users");
    expect(rows[0]?.n).toBe(3);
    await copy.close();
  });

  it("keeps serving the main thread while a long query runs in the database thread", async () => {
    const slow = db.execute(sql`select pg_sleep(0.4)`);
    const started = performance.now();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    await slow;
    clearInterval(timer);
    // In one thread the timer could not fire at all while Postgres slept.
    expect(performance.now() - started).toBeGreaterThan(350);
    expect(ticks).toBeGreaterThan(10);
  });
});
