import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, expect, it } from "vitest";
import { drizzleOnPglite, migrationsFolder } from "@/db/open";

// Migration 0006 on a database that already has texts: the public ones, and only they, are found.
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "kb-migrations-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

it("fills search_entries with the texts already public when it is added", async () => {
  // The migrations up to 0005, as an installation from before search_entries has them.
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  const before = journal.entries.filter((entry: { idx: number }) => entry.idx < 6);
  fs.mkdirSync(path.join(folder, "meta"));
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: before }));
  for (const entry of before) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));

  const client = await PGlite.create();
  const db = drizzleOnPglite(client);
  try {
    await migrate(db as never, { migrationsFolder: folder });
    const one = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
    const { id: blog } = await one<{ id: string }>(sql`insert into publications (kind, slug, name) values ('blog', 'b', 'B') returning id`);
    const { id: letter } = await one<{ id: string }>(sql`insert into publications (kind, slug, name) values ('newsletter', 'n', 'N') returning id`);
    const { id: withdrawnIssue } = await one<{ id: string }>(
      sql`insert into newsletter_issues (publication_id, year, number, status, published_at, withdrawn_at) values (${letter}, 2025, 1, 'withdrawn', now(), now()) returning id`,
    );
    const text = async (slug: string, words: string, extra: { publishedAt?: boolean; withdrawn?: boolean; issueId?: string; publish?: boolean }) => {
      const { id } = await one<{ id: string }>(
        sql`insert into content_items (kind, publication_id, issue_id, slug, status, published_at, withdrawn_at)
            values (${extra.issueId ? "article" : "post"}, ${extra.issueId ? letter : blog}, ${extra.issueId ?? null}, ${slug}, 'published',
                    ${extra.publishedAt === false ? null : sql`now()`}, ${extra.withdrawn ? sql`now()` : null}) returning id`,
      );
      const { id: revision } = await one<{ id: string }>(
        sql`insert into revisions (item_id, number, title, lead, body, search_text, content_hash) values (${id}, 1, ${slug}, '', '{"type":"doc"}', ${words}, 'h') returning id`,
      );
      await db.execute(
        sql`update content_items set current_revision_id = ${revision}${extra.publish === false ? sql`` : sql`, published_revision_id = ${revision}`} where id = ${id}`,
      );
      return id;
    };
    const live = await text("publik", "hästhagen", {});
    await text("utkast", "hästhagen", { publish: false, publishedAt: false });
    await text("indragen", "hästhagen", { withdrawn: true });
    await text("artikel-i-indraget-nummer", "hästhagen", { issueId: withdrawnIssue });

    await migrate(db as never, { migrationsFolder });
    const found = (
      (await db.execute(sql`select item_id from search_entries where search_vector @@ to_tsquery('swedish', 'hästhagen')`)) as unknown as { rows: { item_id: string }[] }
    ).rows;
    expect(found.map((row) => row.item_id)).toEqual([live]);
  } finally {
    await client.close();
  }
});
