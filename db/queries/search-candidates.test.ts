import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import type { Db } from "@/db/types";
import {
  MAX_RANKED,
  RECENT_WINDOW,
  SEARCH_PAGE_SIZE,
  firstLexeme,
  isPhraseQuery,
  monthsBack,
  monthsToSearch,
  findCandidates,
  searchPublished,
  swedishQuery,
  tsQuerySql,
  withPrefixes,
} from "./search";

// searchPublished finds its candidates in steps (the newest texts word by word, then the index
// month by month, then the rest): whatever the word's frequency, the result must be exactly the
// newest MAX_RANKED matches a plain query over every public text finds.

let t: TestDb;
const TEXTS = 2_400;

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await db.execute(query);
  return ((result as unknown as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
}

/** Words by share of texts: every text i has "alfa", every 4th "betaord", and so on (i = TEXTS - 1 is the newest). */
function words(i: number): string {
  const list = ["alfa"];
  if (i % 4 === 0) list.push("betaord");
  // Common among the newest texts, rare before: the first guess of months falls short.
  if (i >= TEXTS - 300 ? i % 4 === 0 : i % 100 === 0) list.push("kappaord");
  if (i % 40 === 0) list.push("gammaord");
  if (i % 400 === 3) list.push("deltaord");
  if (i % 3 === 0) list.push("epsilon zetaord");
  if (i % 5 === 0) list.push("zetaord epsilon");
  return list.join(" och ");
}

beforeAll(async () => {
  t = await createTestDb();
  const [blog] = await rows<{ id: string }>(t.db, sql`insert into publications (kind, slug, name) values ('blog', 'provblogg', 'Provbloggen') returning id`);
  // The last four years, two texts every 1.1 days (on the same instant: ties in the date order).
  const start = Date.now() - 1_400 * 86_400_000;
  for (let batch = 0; batch < TEXTS; batch += 200) {
    const items: ReturnType<typeof sql>[] = [];
    const revisionRows: ReturnType<typeof sql>[] = [];
    for (let i = batch; i < batch + 200; i++) {
      const itemId = randomUUID();
      const publishedAt = new Date(start + Math.floor(i / 2) * 86_400_000 * 1.1).toISOString();
      items.push(sql`(${itemId}, 'post', ${blog!.id}, ${`text-${i}`}, 'published', ${publishedAt})`);
      const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words(i) }] }] });
      revisionRows.push(sql`(${randomUUID()}, ${itemId}, 1, ${`Text ${i}`}, '', ${body}::jsonb, ${words(i)}, ${`hash-${i}`})`);
    }
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`insert into content_items (id, kind, publication_id, slug, status, published_at) values ${sql.join(items, sql`, `)}`);
      await tx.execute(sql`insert into revisions (id, item_id, number, title, lead, body, search_text, content_hash) values ${sql.join(revisionRows, sql`, `)}`);
      await tx.execute(sql`update content_items ci set current_revision_id = r.id, published_revision_id = r.id from revisions r where r.item_id = ci.id and ci.published_revision_id is null`);
    });
  }
  await t.db.execute(sql`analyze`);
}, 120_000);
afterAll(() => t.close());

/** The newest MAX_RANKED public matches, the slow and obvious way. */
async function expected(q: string, year?: number): Promise<{ ids: string[]; count: number }> {
  const [{ text }] = (await rows<{ text: string }>(t.db, sql`select websearch_to_tsquery('swedish', ${q})::text as text`)) as [{ text: string }];
  const tsquery = withPrefixes(text);
  const yearFilter = year ? sql`and extract(year from ci.published_at at time zone 'Europe/Stockholm') = ${year}` : sql``;
  const matches = await rows<{ id: string }>(
    t.db,
    sql`select ci.id from content_items ci join revisions r on r.id = ci.published_revision_id
        where ci.withdrawn_at is null and ci.published_at <= now() and r.search_vector @@ ${tsquery}::tsquery ${yearFilter}
        order by ci.published_at desc, ci.id desc`,
  );
  return { ids: matches.slice(0, MAX_RANKED).map((row) => row.id), count: matches.length };
}

async function allHits(q: string, year?: number) {
  const first = await searchPublished(t.db, { q, year, page: 1 });
  const ids = first.hits.map((hit) => hit.id);
  for (let page = 2; page <= first.pageCount; page++) ids.push(...(await searchPublished(t.db, { q, year, page })).hits.map((hit) => hit.id));
  return { first, ids };
}

describe("searchPublished finds exactly the newest matches", () => {
  it.each([
    ["alfa", "in every text: the newest alone", ["window"]],
    ["betaord", "in one text of four: the index, a month", ["window", "1 months"]],
    ["kappaord", "common lately, rare before: months, more months, the rest", ["window", "4 months", "16 months", "rest"]],
    ["gammaord", "in one of forty: the index over everything", ["window", "rest"]],
    ["deltaord", "in six texts", ["window", "rest"]],
    ["betaord gammaord", "two words", ["window", "rest"]],
    ["saknasord", "in none", ["window", "rest"]],
  ])("%s — %s", async (q, _label, steps) => {
    const want = await expected(q);
    const found = await findCandidates(t.db, { q, page: 1 }, tsQuerySql((await swedishQuery(t.db, q))!), false);
    expect(found.steps).toEqual(steps);
    const { first, ids } = await allHits(q);
    expect(first.total).toBe(Math.min(want.count, MAX_RANKED));
    expect(first.capped).toBe(want.count > MAX_RANKED);
    expect(first.phraseWindow).toBeNull();
    expect(new Set(ids)).toEqual(new Set(want.ids));
    expect(ids).toHaveLength(want.ids.length);
  });

  it("within a year", async () => {
    const want = await expected("gammaord", 2025);
    const { first, ids } = await allHits("gammaord", 2025);
    expect(want.count).toBeGreaterThan(0);
    expect(first.total).toBe(Math.min(want.count, MAX_RANKED));
    expect(new Set(ids)).toEqual(new Set(want.ids));
  });

  it("looks for a phrase among the newest texts only, and says so", async () => {
    // "epsilon zetaord" in every third text; "zetaord epsilon" (the wrong order) in every fifth.
    const result = await searchPublished(t.db, { q: '"epsilon zetaord"', page: 1 });
    expect(result.total).toBe(MAX_RANKED);
    expect(result.capped).toBe(true);
    const rare = await searchPublished(t.db, { q: '"gammaord alfa"', page: 1 });
    expect(rare.total).toBe(0);
    expect(rare.phraseWindow).toBeGreaterThanOrEqual(RECENT_WINDOW);
  });

  it("ranks the candidates and pages through them without repeats", async () => {
    const { first, ids } = await allHits("betaord");
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("helpers", () => {
  it("monthsBack counts back across years", () => {
    expect(monthsBack("2025-02", 3)).toEqual(["2025-02", "2025-01", "2024-12"]);
    expect(monthsBack("2025-11", 1)).toEqual(["2025-11"]);
  });

  it("monthsToSearch: more months for a rarer word or a slower pace, at least one", () => {
    // 100 matches wanted; one text in five matches; one text a day → 500 texts, 750 with room: 25 months.
    expect(monthsToSearch(100, 0.2, 1)).toBe(25);
    expect(monthsToSearch(100, 0.4, 1)).toBe(13);
    expect(monthsToSearch(1, 0.9, 0.01)).toBe(1);
    expect(monthsToSearch(100, 0, 1)).toBeGreaterThan(1_000);
  });

  it("isPhraseQuery and firstLexeme read a tsquery's text form", () => {
    expect(isPhraseQuery("'kommun':* <-> 'budget':*")).toBe(true);
    expect(isPhraseQuery("'a' <2> 'b'")).toBe(true);
    expect(isPhraseQuery("'kommun':* & 'budget':*")).toBe(false);
    expect(isPhraseQuery("'x<->y'")).toBe(false);
    expect(firstLexeme("!'skol':* & 'bygg':*")).toBe("bygg");
    expect(firstLexeme("'o''neill' & 'a'")).toBe("o'neill");
    expect(firstLexeme("!'a'")).toBeNull();
  });
});
