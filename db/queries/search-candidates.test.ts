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
/** Two texts every 1.1 days, on the same instant (ties in the date order). */
const DAYS_PER_PAIR = 1.1;
/** The window's last text, where the index takes over, is text i = TEXTS - RECENT_WINDOW. */
const BOUNDARY_PAIR = Math.floor((TEXTS - RECENT_WINDOW) / 2);

/**
 * Where the window's boundary falls decides how much of its month lies before it: the data is placed
 * around a pinned boundary instead of today, so the steps do not change with the day the suite runs
 * (on 2026-11-29, with dates relative to "now", "betaord" took a second month step). Every instant
 * lies in the past, so every text is visible whatever the clock says.
 */
const BOUNDARIES = [
  ["the first minutes of a month", "2025-01-31T23:30:00Z"],
  ["the last hour of a month", "2025-04-30T21:00:00Z"],
  ["New Year's night in Stockholm", "2024-12-31T23:15:00Z"],
  ["the night summer time starts", "2025-03-30T01:30:00Z"],
  ["the night summer time ends", "2024-10-27T01:30:00Z"],
  ["the middle of a month", "2025-06-15T10:00:00Z"],
] as const;

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

async function seedTexts(boundary: string): Promise<TestDb> {
  const db = await createTestDb();
  const [blog] = await rows<{ id: string }>(db.db, sql`insert into publications (kind, slug, name) values ('blog', 'provblogg', 'Provbloggen') returning id`);
  const start = Date.parse(boundary) - BOUNDARY_PAIR * DAYS_PER_PAIR * 86_400_000;
  for (let batch = 0; batch < TEXTS; batch += 200) {
    const items: ReturnType<typeof sql>[] = [];
    const revisionRows: ReturnType<typeof sql>[] = [];
    for (let i = batch; i < batch + 200; i++) {
      const itemId = randomUUID();
      const publishedAt = new Date(start + Math.floor(i / 2) * 86_400_000 * DAYS_PER_PAIR).toISOString();
      items.push(sql`(${itemId}, 'post', ${blog!.id}, ${`text-${i}`}, 'published', ${publishedAt})`);
      const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: words(i) }] }] });
      revisionRows.push(sql`(${randomUUID()}, ${itemId}, 1, ${`Text ${i}`}, '', ${body}::jsonb, ${words(i)}, ${`hash-${i}`})`);
    }
    await db.db.transaction(async (tx) => {
      await tx.execute(sql`insert into content_items (id, kind, publication_id, slug, status, published_at) values ${sql.join(items, sql`, `)}`);
      await tx.execute(sql`insert into revisions (id, item_id, number, title, lead, body, search_text, content_hash) values ${sql.join(revisionRows, sql`, `)}`);
      await tx.execute(
        sql`update content_items ci set current_revision_id = r.id, published_revision_id = r.id from revisions r where r.item_id = ci.id and ci.published_revision_id is null`,
      );
    });
  }
  await db.db.execute(sql`analyze`);
  return db;
}

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

const MONTHS = /^\d+ months$/;

describe.each(BOUNDARIES)("with the window's boundary at %s", (_when, boundary) => {
  beforeAll(async () => {
    t = await seedTexts(boundary);
  }, 120_000);
  afterAll(() => t.close());

  it.each([
    ["alfa", "in every text: the newest alone", ["window"]],
    ["betaord", "in one text of four: the index, once", ["window", MONTHS]],
    ["kappaord", "common lately, rare before: months, more months, the rest", ["window", MONTHS, MONTHS, "rest"]],
    ["gammaord", "in one of forty: the index over everything", ["window", "rest"]],
    ["deltaord", "in six texts", ["window", "rest"]],
    ["betaord gammaord", "two words", ["window", "rest"]],
    ["saknasord", "in none", ["window", "rest"]],
  ] as const)("%s — %s", async (q, _label, steps) => {
    const want = await expected(q);
    const found = await findCandidates(t.db, { q, page: 1 }, tsQuerySql((await swedishQuery(t.db, q))!), false);
    expect(found.steps).toHaveLength(steps.length);
    steps.forEach((step, index) => (typeof step === "string" ? expect(found.steps[index]).toBe(step) : expect(found.steps[index]).toMatch(step)));
    const { first, ids } = await allHits(q);
    expect(first.total).toBe(Math.min(want.count, MAX_RANKED));
    expect(first.capped).toBe(want.count > MAX_RANKED);
    expect(first.phraseWindow).toBeNull();
    expect(new Set(ids)).toEqual(new Set(want.ids));
    expect(ids).toHaveLength(want.ids.length);
  });

  it("within a year", async () => {
    const year = new Date(boundary).getUTCFullYear() - 1;
    const want = await expected("gammaord", year);
    const { first, ids } = await allHits("gammaord", year);
    expect(want.count).toBeGreaterThan(0);
    expect(first.total).toBe(Math.min(want.count, MAX_RANKED));
    expect(new Set(ids)).toEqual(new Set(want.ids));
  });
});

describe("phrases and pages", () => {
  beforeAll(async () => {
    t = await seedTexts(BOUNDARIES[0][1]);
  }, 120_000);
  afterAll(() => t.close());

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
    // 100 matches wanted; one text in five matches; one text a day → 500 texts, 750 days with room:
    // the boundary's month holds 15 of them, the other 735 take 27 more months of 28 days.
    expect(monthsToSearch(100, 0.2, 1, 15)).toBe(28);
    expect(monthsToSearch(100, 0.4, 1, 15)).toBe(14);
    expect(monthsToSearch(1, 0.9, 0.01, 15)).toBe(1);
    expect(monthsToSearch(100, 0, 1, 15)).toBeGreaterThan(1_000);
  });

  it("monthsToSearch: a boundary early in its month reaches into the month before", () => {
    // Four texts a day, one in four matches: 1 more match needs 6 texts, 1.5 days.
    expect(monthsToSearch(1, 0.25, 0.25, 20)).toBe(1);
    expect(monthsToSearch(1, 0.25, 0.25, 1)).toBe(2);
    expect(monthsToSearch(1, 0.25, 0.25, 0.02)).toBe(2);
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
