import { desc, eq } from "drizzle-orm";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, events, newsletterIssues } from "@/db/schema";
import { seededDemo, textStep } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { addDays, stockholmDate } from "@/lib/dates";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { issueEntry, newestFirst, postEntry, renderRss } from "@/lib/feeds/rss";
import { sitemapYears, stockholmYearBounds } from "@/lib/feeds/sitemap";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { getCalendarFeedEvents, getFeedIssues, getFeedPosts } from "@/db/queries/public/feeds";
import { getSitemapOverview, getSitemapYear } from "@/db/queries/public/sitemap";

let t: TestDb;
let skribent: CurrentUser, utgivare: CurrentUser;
let blogId: string;
let withdrawnIssue: { year: number; number: number };

const TITLES = {
  live: "Nytt badhus öppnar",
  draft: "Hemligt utkast om budgeten",
  scheduled: "Schemalagt inlägg om snöröjning",
  withdrawn: "Tillbakadraget inlägg om parkering",
};

async function writtenPost(title: string) {
  const { id } = await createText(t.db, skribent, { publicationId: blogId, title });
  await saveText(t.db, skribent, {
    id,
    baseVersion: 1,
    title,
    lead: `Ingress till ${title}.`,
    slug: slugFromTitle(title),
    tags: ["test"],
    coverMediaId: null,
    body: doc(h(2, "Bakgrund"), p(`Brödtext till ${title}.`)),
  });
  return id;
}

const step = (id: string, actor: CurrentUser, action: Parameters<typeof textStep>[3], extra?: Record<string, string>) => textStep(t.db, id, actor, action, extra);

async function approved(title: string) {
  const id = await writtenPost(title);
  await step(id, skribent, "submit");
  await step(id, utgivare, "approve");
  return id;
}

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, utgivare, blogId } = await seededDemo(t.db));

  await step(await approved(TITLES.live), utgivare, "publish");
  await writtenPost(TITLES.draft);
  await step(await approved(TITLES.scheduled), utgivare, "schedule", { scheduledAt: addDays(new Date(), 2).toISOString() });
  const withdrawn = await approved(TITLES.withdrawn);
  await step(withdrawn, utgivare, "publish");
  await step(withdrawn, utgivare, "withdraw");

  // The older of the two seeded issues is withdrawn: its articles stay "published" rows, but must
  // disappear with their issue.
  const [older] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "published")).orderBy(newsletterIssues.publishedAt).limit(1);
  await transitionIssue(t.db, utgivare, { id: older!.id, action: "withdraw", contentHash: await currentIssueHash(t.db, older!) });
  withdrawnIssue = { year: older!.year, number: older!.number };
});
afterAll(() => t.close());

const hidden = [TITLES.draft, TITLES.scheduled, TITLES.withdrawn, "Tankar inför budgetarbetet"];
const hiddenSlugs = [...hidden.map(slugFromTitle), "tankar-infor-budgetarbetet", "ny-detaljplan-norrbacken"];

describe("feed queries", () => {
  it("list live posts only, newest first, for all blogs and for one", async () => {
    for (const posts of [await getFeedPosts(t.db), await getFeedPosts(t.db, { blogId })]) {
      const titles = posts.map((post) => post.title);
      expect(titles[0]).toBe(TITLES.live);
      expect(titles.length).toBeGreaterThan(1);
      for (const title of hidden) expect(titles).not.toContain(title);
      const times = posts.map((post) => post.publishedAt!.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    expect(await getFeedPosts(t.db, { limit: 1 })).toHaveLength(1);
  });

  it("list live issues only, each with its live articles in newsletter order", async () => {
    const issues = await getFeedIssues(t.db);
    expect(issues).toHaveLength(1);
    expect(issues.map((i) => `${i.year}/${i.number}`)).not.toContain(`${withdrawnIssue.year}/${withdrawnIssue.number}`);
    const [issue] = issues;
    expect(issue!.articles.length).toBeGreaterThan(1);
    expect(issue!.articles.map((a) => a.slug)).not.toContain("ny-detaljplan-norrbacken");
    const placements = issue!.articles.map((a) => a.placement);
    expect(placements.indexOf("column")).toBeLessThanOrEqual(0);
  });

  it("render an RSS 2.0 feed that a real parser reads, with absolute links and no hidden text", async () => {
    const [issues, posts] = await Promise.all([getFeedIssues(t.db), getFeedPosts(t.db)]);
    const xml = renderRss({ title: "Alla", description: "Allt", pagePath: "/", feedPath: "/feed.xml", entries: newestFirst([...issues.map(issueEntry), ...posts.map(postEntry)]) });
    for (const title of hidden) expect(xml).not.toContain(title);
    const feed = await new Parser().parseString(xml);
    expect(feed.items.length).toBe(issues.length + posts.length);
    const live = feed.items.find((item) => item.title === TITLES.live)!;
    expect(live.link).toMatch(/^https?:\/\/[^/]+\/blogg\/kommunchefen\/nytt-badhus-oppnar$/);
    expect(live.guid).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(live.creator).toBe("Sara Lind");
    expect(live.contentSnippet).toBe(`Ingress till ${TITLES.live}.`);
    expect(live["content:encoded"]).toContain("<h2>Bakgrund</h2>");
    const issueItem = feed.items.find((item) => item.link?.match(/\/nyhetsbrev\/\d{4}\/\d+$/))!;
    expect(issueItem.title).toMatch(/, nummer \d+ \d{4}/);
    expect(issueItem["content:encoded"]).toMatch(/href="https?:\/\/[^"]+\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+"/);
  });
});

describe("sitemap", () => {
  async function everyYear() {
    const overview = await getSitemapOverview(t.db);
    const years = sitemapYears(overview);
    const files = await Promise.all(years.map((y) => getSitemapYear(t.db, y.year, stockholmYearBounds(y.year))));
    return {
      overview,
      years,
      issues: files.flatMap((f) => f.issues),
      articles: files.flatMap((f) => f.articles),
      posts: files.flatMap((f) => f.posts),
    };
  }

  it("names each year with a live text, whose files hold every live issue, article and post, and nothing hidden", async () => {
    const { overview, years, issues, articles, posts } = await everyYear();
    expect(issues).toHaveLength(1);
    expect(issues.some((i) => i.year === withdrawnIssue.year && i.number === withdrawnIssue.number)).toBe(false);
    expect(articles.length).toBeGreaterThan(1);
    expect(articles.every((a) => a.year === issues[0]!.year && a.number === issues[0]!.number)).toBe(true);
    expect(posts.map((p) => p.slug)).toContain(slugFromTitle(TITLES.live));
    for (const slug of hiddenSlugs) {
      expect(posts.map((p) => p.slug)).not.toContain(slug);
      expect(articles.map((a) => a.slug)).not.toContain(slug);
    }
    expect(posts.every((p) => p.modifiedAt instanceof Date && !Number.isNaN(p.modifiedAt.getTime()))).toBe(true);
    // No text appears in two years' files.
    expect(new Set(posts.map((p) => p.slug)).size).toBe(posts.length);
    expect(overview.blogSlugs).toEqual(["kommunchefen", "medarbetarbloggen"]);
    expect(new Set(overview.posts.map((row) => row.blogSlug))).toEqual(new Set(["kommunchefen", "medarbetarbloggen"]));
    expect(overview.posts.every((row) => row.modifiedAt instanceof Date)).toBe(true);
    expect(years.every((y) => y.modifiedAt instanceof Date)).toBe(true);
  });

  it("puts a post in the year it was published in Stockholm: 23:30 UTC on New Year's Eve is the new year", async () => {
    const slug = slugFromTitle(TITLES.live);
    await t.db
      .update(contentItems)
      .set({ publishedAt: new Date("2024-12-31T23:30:00Z") })
      .where(eq(contentItems.slug, slug));
    const { years } = await everyYear();
    expect(years.map((y) => y.year)).toContain(2025);
    const in2025 = await getSitemapYear(t.db, 2025, stockholmYearBounds(2025));
    const in2024 = await getSitemapYear(t.db, 2024, stockholmYearBounds(2024));
    expect(in2025.posts.map((p) => p.slug)).toContain(slug);
    expect(in2024.posts.map((p) => p.slug)).not.toContain(slug);
  });
});

describe("calendar feed events", () => {
  it("keep listed events from the window's start on, including ones that began earlier and still run", async () => {
    const today = new Date();
    const from = stockholmDate(addDays(today, -30));
    await t.db.insert(events).values([
      { title: "Gammal utställning", startsOn: stockholmDate(addDays(today, -60)), endsOn: stockholmDate(addDays(today, -40)) },
      { title: "Pågående utställning", startsOn: stockholmDate(addDays(today, -45)), endsOn: stockholmDate(addDays(today, 5)) },
      { title: "Hemligt möte", startsOn: stockholmDate(addDays(today, 3)), listed: false },
    ]);
    const titles = (await getCalendarFeedEvents(t.db, from)).map((e) => e.title);
    expect(titles).toContain("Pågående utställning");
    expect(titles).toContain("Kommunfullmäktige sammanträder");
    expect(titles).not.toContain("Gammal utställning");
    expect(titles).not.toContain("Hemligt möte");
    const [latest] = await t.db.select().from(events).orderBy(desc(events.startsOn)).limit(1);
    expect(titles).toContain(latest!.title);
  });
});
