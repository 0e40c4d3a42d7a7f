import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, newsletterIssues, searchEntries } from "@/db/schema";
import { seededDemo, textStep } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "@/lib/editorial/create-text";
import { loadText } from "@/lib/editorial/load-text";
import { saveText } from "@/lib/editorial/save-text";
import { MARK_END, MARK_START, getSearchFilters, searchParamsSchema, searchPublished, snippetSegments, withPrefixes } from "./search";

let t: TestDb;
let skribent: CurrentUser, utgivare: CurrentUser;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, utgivare, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const search = (q: string, extra: { publication?: string; year?: number; page?: number } = {}) => searchPublished(t.db, { q, page: 1, ...extra });
const titles = async (q: string) => (await search(q)).hits.map((hit) => hit.title);

async function write(title: string, text: string, lead = "En ingress.") {
  const { id } = await createText(t.db, skribent, { publicationId: blogId, title });
  await saveText(t.db, skribent, { id, baseVersion: 1, title, lead, slug: slugFromTitle(title), tags: [], coverMediaId: null, body: doc(h(2, "Bakgrund"), p(text)) });
  return id;
}

const step = (id: string, actor: CurrentUser, action: Parameters<typeof textStep>[3], extra?: Record<string, string>) => textStep(t.db, id, actor, action, extra);

async function publish(id: string) {
  await step(id, skribent, "submit");
  await step(id, utgivare, "approve");
  await step(id, utgivare, "publish");
}

describe("searchPublished", () => {
  it("finds inflected Swedish words: 'skolor' finds a text about 'skolan', with the word marked", async () => {
    const id = await write("Ny idrottshall i Lillsjö", "Eleverna på skolan har väntat länge på en riktig gymnastiksal.");
    await publish(id);
    // Both words must match, so the text is the only hit: "skolor" found it through "skolan".
    const result = await search("skolor gymnastiksal");
    const hit = result.hits.find((h) => h.id === id);
    expect(hit).toBeDefined();
    expect(hit!.snippet).toContain(`${MARK_START}skolan${MARK_END}`);
    expect(snippetSegments(hit!.snippet)).toContainEqual({ text: "skolan", marked: true });
    expect(result.total).toBeGreaterThanOrEqual(result.hits.length);
  });

  it("cuts the snippet of a long text around the match, far down in the text", async () => {
    const filler = "Kommunen informerar om arbetet i byarna runt sjön. ".repeat(80);
    const id = await write("En lång text", `${filler}Till sist: vattenledningen byts ut i maj. ${filler}`);
    await publish(id);
    const hit = (await search("vattenledningen")).hits.find((h) => h.id === id);
    expect(hit!.snippet).toContain(`${MARK_START}vattenledningen${MARK_END}`);
  });

  it("ranks a match in the title above one in the body", async () => {
    const inBody = await write("Om vägarna i vinter", "Plogningen av kvarteret Fjällsippan börjar klockan fem.");
    const inTitle = await write("Fjällsippan får ny lekplats", "Bygget börjar i maj.");
    await publish(inBody);
    await publish(inTitle);
    expect(await titles("fjällsippan")).toEqual(["Fjällsippan får ny lekplats", "Om vägarna i vinter"]);
  });

  it("never finds a draft, a text under review, a scheduled or a withdrawn text, nor unpublished edits", async () => {
    const draft = await write("Utkast om kvarnbäcken", "Ordet xylofonorkester står bara i ett utkast.");
    expect(await titles("xylofonorkester")).toEqual([]);
    await step(draft, skribent, "submit");
    expect(await titles("xylofonorkester")).toEqual([]);
    await step(draft, utgivare, "approve");
    await step(draft, utgivare, "schedule", { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(await titles("xylofonorkester")).toEqual([]);

    const withdrawn = await write("Indraget om tranbärsmyren", "Tranbärsmyren dräneras inte.");
    await publish(withdrawn);
    expect(await titles("tranbärsmyren")).toEqual(["Indraget om tranbärsmyren"]);
    await step(withdrawn, utgivare, "withdraw");
    expect(await titles("tranbärsmyren")).toEqual([]);

    const edited = await write("Publicerad om blåbärsskogen", "Blåbärsskogen ligger norr om sjön.");
    await publish(edited);
    const { item, current } = await loadText(t.db, edited);
    await saveText(t.db, skribent, {
      id: edited,
      baseVersion: item.version,
      title: current.title,
      lead: current.lead,
      slug: item.slug,
      tags: [],
      coverMediaId: null,
      body: doc(p("Ett hemligt ord: kantarellplockning.")),
    });
    expect(await titles("kantarellplockning")).toEqual([]);
    expect(await titles("blåbärsskogen")).toEqual(["Publicerad om blåbärsskogen"]);
  });

  it("keeps its index to the public texts whatever changes them: the database triggers", async () => {
    const indexed = async (itemId: string) =>
      (await t.db.select({ revisionId: searchEntries.revisionId }).from(searchEntries).where(eq(searchEntries.itemId, itemId)))[0]?.revisionId ?? null;
    const [article] = await t.db
      .select({ id: contentItems.id, issueId: contentItems.issueId, revisionId: contentItems.publishedRevisionId })
      .from(contentItems)
      .where(and(eq(contentItems.kind, "article"), isNotNull(contentItems.publishedRevisionId), isNotNull(contentItems.issueId)))
      .limit(1);
    expect(await indexed(article!.id)).toBe(article!.revisionId);
    // The issue withdrawn (by any statement) takes its articles out; back in when it is undone.
    await t.db.update(newsletterIssues).set({ withdrawnAt: new Date() }).where(eq(newsletterIssues.id, article!.issueId!));
    expect(await indexed(article!.id)).toBeNull();
    await t.db.update(newsletterIssues).set({ withdrawnAt: null }).where(eq(newsletterIssues.id, article!.issueId!));
    expect(await indexed(article!.id)).toBe(article!.revisionId);

    // A post republished with new words: the index follows the published revision, not the draft.
    const post = await write("Om ängsmarken", "Ängsmarken slås i augusti.");
    await publish(post);
    const firstRevision = await indexed(post);
    expect(firstRevision).not.toBeNull();
    const { item, current } = await loadText(t.db, post);
    await saveText(t.db, skribent, {
      id: post,
      baseVersion: item.version,
      title: current.title,
      lead: current.lead,
      slug: item.slug,
      tags: [],
      coverMediaId: null,
      body: doc(p("Ängsmarken slås i september.")),
    });
    expect(await indexed(post)).toBe(firstRevision);
    await publish(post);
    const { item: republished } = await loadText(t.db, post);
    expect(await indexed(post)).toBe(republished.publishedRevisionId);
    expect(await indexed(post)).not.toBe(firstRevision);
    expect(await titles("september ängsmarken")).toEqual(["Om ängsmarken"]);

    // Deleted: gone with it.
    await t.db.delete(contentItems).where(eq(contentItems.id, post));
    expect(await indexed(post)).toBeNull();
  });

  it("does not find the seeded draft article's words", async () => {
    // "Norrbäcken" itself is in a published article; the draft's own words are "strand" and its body.
    expect((await search('"Norrbäckens strand"')).total).toBe(0);
    expect((await search("strand detaljplan Norrbäckens")).hits.map((h) => h.title)).not.toContain("Utkast: Ny detaljplan för Norrbäckens strand");
    expect((await search("utkast granskat")).total).toBe(0);
    expect((await search("Norrbäckens")).hits.map((h) => h.title)).not.toContain("Utkast: Ny detaljplan för Norrbäckens strand");
  });

  it("filters by publication and year, pages by ten", async () => {
    for (let i = 0; i < 12; i++) await publish(await write(`Snöröjning etapp ${i + 1}`, "Snöröjningen fortsätter i hela kommunen."));
    const first = await search("snöröjning", { publication: "kommunchefen" });
    expect(first).toMatchObject({ total: 12, pageCount: 2 });
    expect(first.hits).toHaveLength(10);
    const second = await search("snöröjning", { publication: "kommunchefen", page: 2 });
    expect(second.hits).toHaveLength(2);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(12);
    expect((await search("snöröjning", { publication: "kommunchefen", page: 5 })).total).toBe(12);
    expect((await search("snöröjning", { publication: "nyhetsbrev" })).total).toBe(0);
    const thisYear = new Date().getFullYear();
    expect((await search("snöröjning", { year: thisYear })).total).toBe(12);
    expect((await search("snöröjning", { year: thisYear - 5 })).total).toBe(0);
  });

  it("searches the seeded newsletter articles, with their issue for the link", async () => {
    const result = await search("skolor", { publication: "nyhetsbrev" });
    const article = result.hits.find((h) => h.kind === "article");
    expect(article).toMatchObject({ publicationSlug: "nyhetsbrev" });
    expect(article!.issueYear).toBeTypeOf("number");
    expect(article!.issueNumber).toBeTypeOf("number");
    const filters = await getSearchFilters(t.db);
    expect(filters.publications.map((p) => p.slug).sort()).toEqual(expect.arrayContaining(["kommunchefen", "nyhetsbrev"]));
    expect(filters.years.length).toBeGreaterThan(0);
  });

  it.each([["<script>alert(1)</script>"], ["' OR 1=1 --"], ["'; drop table users; --"], ["x".repeat(200)], ["och att det är"], ["!!! ??? ... &&& |||"], ["-"], ["(:*&|!)"]])(
    "answers a hostile or empty query normally: %s",
    async (q) => {
      const result = await search(q);
      expect(result.total).toBe(0);
      expect(result.hits).toEqual([]);
    },
  );
});

it("answers a 10 kB query normally (capped at 200 characters)", async () => {
  const { q } = searchParamsSchema.parse({ q: "skola ".repeat(2_000) });
  expect(q.length).toBeLessThanOrEqual(200);
  await expect(search(q)).resolves.toMatchObject({ page: 1 });
  await expect(search("ö".repeat(10_000))).resolves.toMatchObject({ total: 0 });
});

describe("searchParamsSchema", () => {
  it("trims and caps the query, and drops invalid filters instead of failing", () => {
    expect(searchParamsSchema.parse({ q: `  ${"a".repeat(500)}  `, ar: "nittonhundra", sida: "-3", publikation: "<x>" })).toEqual({
      q: "a".repeat(200),
      ar: undefined,
      sida: 1,
      publikation: undefined,
    });
    expect(searchParamsSchema.parse({ q: ["skola", "x"], ar: "2018", sida: "2", publikation: "kommunchefen" })).toEqual({
      q: "skola",
      ar: 2018,
      sida: 2,
      publikation: "kommunchefen",
    });
    expect(searchParamsSchema.parse({}).q).toBe("");
    expect(searchParamsSchema.parse({ q: `a${MARK_START}b` }).q).toBe("a b");
  });
});

describe("withPrefixes", () => {
  it("makes stems of four letters or more prefixes, keeping operators and quoting intact", () => {
    expect(withPrefixes("'skol' & 'len' <-> 'ek' & !'kaff' | 'it''s'")).toBe("'skol':* & 'len' <-> 'ek' & !'kaff':* | 'it''s':*");
    expect(withPrefixes("")).toBe("");
  });
});

describe("snippetSegments", () => {
  it("splits at the markers and keeps everything else as text", () => {
    expect(snippetSegments(`På <b>${MARK_START}skolan${MARK_END}</b> i ${MARK_START}byn${MARK_END}`)).toEqual([
      { text: "På <b>", marked: false },
      { text: "skolan", marked: true },
      { text: "</b> i ", marked: false },
      { text: "byn", marked: true },
    ]);
  });
});
