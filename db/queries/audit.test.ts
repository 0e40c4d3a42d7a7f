import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, contentItems, revisions } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { actorByEmail } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditActors, listAuditEntries } from "./audit";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser;
let item: { id: string; title: string };

type Entry = { actor?: CurrentUser | null; action: string; entityType?: string; entityId?: string; summary?: string; at?: Date };

async function log(...entries: Entry[]) {
  await t.db.insert(auditLog).values(
    entries.map((e) => ({
      actorId: e.actor ? e.actor.id : null,
      actorLabel: e.actor ? e.actor.name : "Systemet",
      action: e.action,
      entityType: e.entityType ?? "system",
      entityId: e.entityId ?? "x",
      summary: e.summary ?? "",
      ...(e.at ? { at: e.at } : {}),
    })),
  );
}

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  skribent = await actorByEmail(t.db, "skribent@exempelby.test");
  redaktor = await actorByEmail(t.db, "redaktor@exempelby.test");
  const [row] = await t.db
    .select({ id: contentItems.id, title: revisions.title })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .where(eq(contentItems.slug, "elevrad-vattentryck-och-ett-stort-tack"));
  item = row!;
});
afterAll(() => t.close());

describe("listAuditEntries", () => {
  it("filters by person and by action, newest first", async () => {
    await log(
      { actor: skribent, action: "test.person", at: new Date("2024-01-01T10:00:00Z") },
      { actor: redaktor, action: "test.person", at: new Date("2024-01-02T10:00:00Z") },
      { actor: skribent, action: "test.person", at: new Date("2024-01-03T10:00:00Z") },
      { actor: skribent, action: "test.other" },
    );
    const mine = await listAuditEntries(t.db, { actorId: skribent.id, action: "test.person" });
    expect(mine.rows.map((r) => r.at.toISOString())).toEqual(["2024-01-03T10:00:00.000Z", "2024-01-01T10:00:00.000Z"]);
    expect(mine.rows.every((r) => r.actorId === skribent.id)).toBe(true);
    const all = await listAuditEntries(t.db, { action: "test.person" });
    expect(all.rows).toHaveLength(3);
    expect(all.hasNext).toBe(false);
  });

  it("filters by text id and finds a text by its title, with the title for the link", async () => {
    await log(
      { actor: redaktor, action: "item.saved", entityType: "item", entityId: item.id, summary: "Sparade" },
      { actor: redaktor, action: "item.saved", entityType: "item", entityId: "00000000-0000-4000-8000-000000000000", summary: "Annat" },
    );
    const byId = await listAuditEntries(t.db, { itemId: item.id });
    expect(byId.rows.length).toBeGreaterThanOrEqual(1);
    expect(byId.rows.every((r) => r.entityType === "item" && r.entityId === item.id)).toBe(true);
    expect(byId.rows[0]!.itemTitle).toBe(item.title);
    const byTitle = await listAuditEntries(t.db, { query: "VATTENTRYCK", action: "item.saved" });
    expect(byTitle.rows.map((r) => r.entityId)).toEqual([item.id]);
  });

  it("searches the summary", async () => {
    await log({ actor: redaktor, action: "test.summary", summary: "Bytte bild på Solgården" });
    const { rows } = await listAuditEntries(t.db, { query: "solgården", action: "test.summary" });
    expect(rows).toHaveLength(1);
  });

  it("limits to a date range in Stockholm time, both ends inclusive", async () => {
    await log(
      // 23.30 on 1 March in Stockholm.
      { action: "test.range", summary: "före", at: new Date("2020-03-01T22:30:00Z") },
      // 00.30 on 2 March in Stockholm, although still 1 March in UTC.
      { action: "test.range", summary: "första", at: new Date("2020-03-01T23:30:00Z") },
      { action: "test.range", summary: "sista", at: new Date("2020-03-03T22:59:00Z") },
      // 00.00 on 4 March in Stockholm.
      { action: "test.range", summary: "efter", at: new Date("2020-03-03T23:00:00Z") },
    );
    const { rows } = await listAuditEntries(t.db, { action: "test.range", from: "2020-03-02", to: "2020-03-03" });
    expect(rows.map((r) => r.summary)).toEqual(["sista", "första"]);
    expect((await listAuditEntries(t.db, { action: "test.range", from: "2020-03-04" })).rows.map((r) => r.summary)).toEqual(["efter"]);
    expect((await listAuditEntries(t.db, { action: "test.range", to: "2020-03-01" })).rows.map((r) => r.summary)).toEqual(["före"]);
  });

  it("pages by 50, newest first, without gaps or repeats", async () => {
    const base = Date.UTC(2019, 0, 1);
    await log(...Array.from({ length: 120 }, (_, i) => ({ action: "test.bulk", summary: `rad ${i}`, at: new Date(base + i * 60_000) })));
    const pages = await Promise.all([1, 2, 3].map((page) => listAuditEntries(t.db, { action: "test.bulk", page })));
    expect(pages.map((p) => p.rows.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 20]);
    expect(pages.map((p) => p.hasNext)).toEqual([true, true, false]);
    const summaries = pages.flatMap((p) => p.rows.map((r) => r.summary));
    expect(summaries[0]).toBe("rad 119");
    expect(summaries.at(-1)).toBe("rad 0");
    expect(new Set(summaries).size).toBe(120);
    expect((await listAuditEntries(t.db, { action: "test.bulk", page: 4 })).rows).toEqual([]);
  });

  it("treats SQL- and pattern-looking input as plain text", async () => {
    await log({ action: "test.injection", summary: "Rabatt 50% på_kaffe" }, { action: "test.injection", summary: "Rabatt 500 på kaffe" });
    const [before] = await t.db.select({ n: count() }).from(auditLog);
    for (const query of ["'; drop table audit_log; --", "' or '1'='1", "\\", "%' or 1=1 --"]) {
      expect((await listAuditEntries(t.db, { query })).rows).toEqual([]);
    }
    const percent = await listAuditEntries(t.db, { query: "50%", action: "test.injection" });
    expect(percent.rows.map((r) => r.summary)).toEqual(["Rabatt 50% på_kaffe"]);
    expect((await listAuditEntries(t.db, { query: "på_", action: "test.injection" })).rows).toHaveLength(1);
    const [after] = await t.db.select({ n: count() }).from(auditLog);
    expect(after!.n).toBe(before!.n);
  });
});

describe("filter choices", () => {
  it("lists the people in the log and the actions present", async () => {
    const actors = await listAuditActors(t.db);
    expect(actors.map((a) => a.name)).toEqual(expect.arrayContaining([skribent.name, redaktor.name]));
    expect(new Set(actors.map((a) => a.id)).size).toBe(actors.length);
    const actions = await listAuditActions(t.db);
    expect(actions).toEqual(expect.arrayContaining(["demo.seeded", "test.person", "test.bulk"]));
    expect(new Set(actions).size).toBe(actions.length);
  });
});
