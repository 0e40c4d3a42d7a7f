import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, newsletterIssues, publications } from "./schema";
import { createTestDb, type TestDb } from "./testing";
import { recordAudit } from "@/lib/audit";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("migrations", () => {
  it("create every table of the domain", async () => {
    const rows = await t.db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`);
    const tables = (rows as unknown as { rows?: { table_name: string }[] }).rows ?? (rows as unknown as { table_name: string }[]);
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "users",
        "site_settings",
        "publications",
        "newsletter_issues",
        "content_items",
        "revisions",
        "item_authors",
        "corrections",
        "events",
        "review_comments",
        "audit_log",
        "subscribers",
        "subscriber_publications",
        "media",
        "login_attempts",
      ]),
    );
  });

  it("have the swedish text search configuration available", async () => {
    const result = await t.db.execute(sql`select to_tsvector('swedish', 'skolorna') @@ to_tsquery('swedish', 'skola') as hit`);
    const rows = (result as unknown as { rows?: { hit: boolean }[] }).rows ?? (result as unknown as { hit: boolean }[]);
    expect(rows[0]?.hit).toBe(true);
  });
});

describe("constraints", () => {
  it("keep issue numbers unique per publication and year", async () => {
    const [pub] = await t.db.insert(publications).values({ kind: "newsletter", slug: "nb", name: "NB" }).returning();
    await t.db.insert(newsletterIssues).values({ publicationId: pub!.id, year: 2026, number: 1 });
    await expect(t.db.insert(newsletterIssues).values({ publicationId: pub!.id, year: 2026, number: 1 })).rejects.toThrow();
    await t.db.insert(newsletterIssues).values({ publicationId: pub!.id, year: 2027, number: 1 });
  });

  it("make the audit log append-only", async () => {
    await recordAudit(t.db, { actor: "system", action: "test", entityType: "system", entityId: "x" });
    await expect(t.db.update(auditLog).set({ action: "forged" })).rejects.toThrow();
    await expect(t.db.delete(auditLog)).rejects.toThrow();
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const rows = await t.db.select().from(auditLog);
    expect(rows.map((r) => r.action)).toEqual(["test"]);
  });
});
