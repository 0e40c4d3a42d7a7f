import { and, eq, isNotNull } from "drizzle-orm";
import ICAL from "ical.js";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getAuthorSlugs } from "@/lib/users/author-slugs";
import { contentItems, corrections, events, media, newsletterIssues, publications, revisions, siteSettings, users, type FrozenEvent } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { addDays, stockholmDate } from "@/lib/dates";
import { renderIssueEdition, renderPostEdition } from "@/lib/mail/edition";
import { inspectHtml } from "./inert-html";
import { documentCarrying, isOneLine, normalizeSpace, urlPayloads, XSS_PAYLOADS } from "./xss-corpus";

// Fields no staff form edits yet (site settings, user names, publications, events) and every field a
// text has, filled with the whole corpus straight in the database, then read back through the real
// data path: the public pages' components, the feed and calendar routes and the e-mail editions.

let t: TestDb;
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
// The subscribe page echoes the typed address from a cookie after an error.
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => ({ value: ALL }) }) }));

const PAYLOADS = XSS_PAYLOADS.map((p) => p.payload);
/** Every payload in one value: escaping must hold for each and for their combinations. */
const ALL = PAYLOADS.join(" | ");
/** One tag per one-line payload, in lower case as tags are stored (lib/editorial/text-input.ts). */
const TAGGED = XSS_PAYLOADS.filter(isOneLine).map((p) => ({ marker: p.marker, tag: p.payload.normalize("NFC").toLowerCase() }));

/** Controls the pages have of their own (the subscribe and search forms); a payload adding one is caught by its attributes. */
const PAGE_CONTROLS = new Set(["<form> element", "<input> element", "<button> element"]);

const ids = { issue: "", issueYear: 0, issueNumber: 0, article: "", post: "", postSlug: "", authorSlug: "" };

function frozen(link: string | null, text = ALL): FrozenEvent {
  return {
    title: text,
    startsOn: stockholmDate(addDays(new Date(), 3)),
    startTime: "18:00:00",
    endsOn: null,
    endTime: null,
    place: text,
    description: text,
    link,
    cancelled: false,
  };
}

beforeAll(async () => {
  t = await createTestDb();
  const { skribent, blogId } = await seededDemo(t.db);
  await t.db.update(siteSettings).set({
    municipalityName: ALL,
    tagline: ALL,
    streetAddress: ALL,
    postalAddress: ALL,
    phone: ALL,
    email: ALL,
    webUrl: ALL,
    accessibility: {
      scope: ALL,
      conformance: "partial",
      shortcomings: PAYLOADS,
      disproportionateBurden: ALL,
      assessmentMethod: ALL,
      assessedOn: "2026-11-01",
      updatedOn: "2026-11-02",
      contactEmail: ALL,
      contactPhone: ALL,
      responseTime: ALL,
    },
  });
  await t.db.update(users).set({ name: ALL, jobTitle: ALL });
  await t.db.update(publications).set({ name: ALL, description: ALL });
  await t.db.update(media).set({ alt: ALL, caption: ALL, credit: ALL });
  await t.db.update(revisions).set({
    title: ALL,
    lead: ALL,
    description: ALL,
    body: documentCarrying(ALL).body,
    tags: TAGGED.map((entry) => entry.tag),
    byline: [{ userId: skribent.id, name: ALL, title: ALL }],
  });
  await t.db.update(newsletterIssues).set({ title: ALL, calendarNote: ALL, frozenCalendar: [frozen(ALL), ...urlPayloads().map((p) => frozen(p.payload))] });
  await t.db.insert(events).values([frozen(ALL), ...urlPayloads().map((p) => frozen(p.payload, `Länk ${p.marker}`))]);

  const [issue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "published")).limit(1);
  const live = and(isNotNull(contentItems.publishedRevisionId), eq(contentItems.status, "published"));
  const [article] = await t.db
    .select()
    .from(contentItems)
    .where(and(live, eq(contentItems.issueId, issue!.id)))
    .limit(1);
  // A post of the kommunchef's blog: the page below is opened under its address.
  const [post] = await t.db
    .select()
    .from(contentItems)
    .where(and(live, eq(contentItems.kind, "post"), eq(contentItems.publicationId, blogId)))
    .limit(1);
  await t.db.insert(corrections).values({ itemId: post!.id, text: ALL });
  Object.assign(ids, {
    issue: issue!.id,
    issueYear: issue!.year,
    issueNumber: issue!.number,
    article: article!.slug,
    post: post!.id,
    postSlug: post!.slug,
    authorSlug: (await getAuthorSlugs(t.db)).get(skribent.id)!,
  });
});
afterAll(() => t.close());

async function page(element: Promise<ReactElement>): Promise<string> {
  const { default: PublicLayout } = await import("@/app/(public)/layout");
  return renderToStaticMarkup(await PublicLayout({ children: await element }));
}

/** No markup that runs, and every payload shown as text (`shown`: those the page must show). */
function expectInert(html: string, shown: readonly string[] = PAYLOADS) {
  const { problems, text } = inspectHtml(html, { fragment: true });
  expect(problems.filter((problem) => !PAGE_CONTROLS.has(problem))).toEqual([]);
  expect(shown.filter((payload) => !text.includes(normalizeSpace(payload)))).toEqual([]);
}

describe("public pages with the corpus in every field", () => {
  const params = <T,>(value: T) => ({ params: Promise.resolve(value) });
  const pages: [string, () => Promise<string>][] = [
    ["start page", async () => page((await import("@/app/(public)/page")).default())],
    ["newsletter archive", async () => page((await import("@/app/(public)/nyhetsbrev/page")).default())],
    ["issue", async () => page((await import("@/app/(public)/nyhetsbrev/[year]/[number]/page")).default(params({ year: String(ids.issueYear), number: String(ids.issueNumber) })))],
    [
      "article",
      async () =>
        page(
          (await import("@/app/(public)/nyhetsbrev/[year]/[number]/[slug]/page")).default(
            params({ year: String(ids.issueYear), number: String(ids.issueNumber), slug: ids.article }),
          ),
        ),
    ],
    ["list of blogs", async () => page((await import("@/app/(public)/blogg/page")).default())],
    ["blog", async () => page((await import("@/app/(public)/blogg/[blog]/page")).default(params({ blog: "kommunchefen" })))],
    ["post", async () => page((await import("@/app/(public)/blogg/[blog]/[slug]/page")).default(params({ blog: "kommunchefen", slug: ids.postSlug })))],
    ["author", async () => page((await import("@/app/(public)/skribent/[author]/page")).default(params({ author: ids.authorSlug })))],
    ["calendar", async () => page((await import("@/app/(public)/kalender/page")).default())],
    ["accessibility statement", async () => page((await import("@/app/(public)/tillganglighet/page")).default())],
    ["subscribe, after an error", async () => page((await import("@/app/(public)/prenumerera/page")).default({ searchParams: Promise.resolve({ fel: "syntax" }) }))],
  ];

  it.each(pages)("the %s runs no payload and shows each as text", async (_, render) => {
    expectInert(await render());
  });

  it.each(TAGGED.map(({ marker, tag }) => [marker, tag] as const))("the topic page of tag %i runs nothing and shows the tag and the texts as text", async (_, tag) => {
    const { default: TagPage } = await import("@/app/(public)/amne/[tag]/page");
    expectInert(await page(TagPage(params({ tag: encodeURIComponent(tag) }))), [tag, ...PAYLOADS]);
  });

  it("links an event only to an http(s) address, never to a payload", async () => {
    const html = await page((await import("@/app/(public)/kalender/page")).default());
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
    expect(hrefs.filter((href) => !/^(\/|#|https?:|mailto:)/.test(href))).toEqual([]);
  });

  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("the search page echoes query %i as text", async (_, q) => {
    const { default: SearchPage } = await import("@/app/(public)/sok/page");
    const html = await page(SearchPage({ searchParams: Promise.resolve({ q }) }));
    // The query is trimmed, capped and stripped of control characters before it is shown.
    expectInert(html, [q.replace(/[\u0000-\u001f]/g, " ")]);
  });

  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("the one-time link pages take token %i as nothing but a bad token", async (_, token) => {
    const { default: ConfirmPage } = await import("@/app/(public)/prenumerera/bekrafta/[token]/page");
    const { default: UnsubscribePage } = await import("@/app/(public)/prenumerera/avsluta/[token]/val/page");
    expectInert(await page(ConfirmPage(params({ token }))), []);
    expectInert(await page(UnsubscribePage({ ...params({ token }), searchParams: Promise.resolve({}) })), []);
  });
});

describe("feeds and e-mail with the corpus in every field", () => {
  const parser = new Parser();

  /** As a feed reader shows a field: HTML, inert, saying every payload XML can carry. */
  function expectFeedField(html: string | undefined, field: string) {
    const { problems, text } = inspectHtml(html ?? "", { fragment: true });
    expect(problems, field).toEqual([]);
    const missing = PAYLOADS.map((p) => p.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")).filter((p) => !text.includes(normalizeSpace(p)));
    expect(missing, field).toEqual([]);
  }

  it.each([
    ["/feed.xml", async () => (await import("@/app/feed.xml/route")).GET()],
    ["/nyhetsbrev/feed.xml", async () => (await import("@/app/(public)/nyhetsbrev/feed.xml/route")).GET()],
    [
      "/blogg/kommunchefen/feed.xml",
      async () => (await import("@/app/(public)/blogg/[blog]/feed.xml/route")).GET(new Request("http://localhost/"), { params: Promise.resolve({ blog: "kommunchefen" }) }),
    ],
  ] as const)("%s shows every text as text", async (_, get) => {
    const feed = await parser.parseString(await (await get()).text());
    expect(feed.items.length).toBeGreaterThan(0);
    expectFeedField(feed.title, "channel title");
    for (const item of feed.items) {
      expectFeedField(item.title, "title");
      expectFeedField(item.content, "description");
      expectFeedField(item["content:encoded"], "content:encoded");
      expectFeedField(item.creator, "dc:creator");
    }
  });

  it("/kalender.ics carries each event's texts as text and no link but http(s)", async () => {
    const { GET } = await import("@/app/kalender.ics/route");
    const calendar = new ICAL.Component(ICAL.parse(await (await GET()).text()));
    const vevents = calendar.getAllSubcomponents("vevent");
    const ours = vevents.find((event) => String(event.getFirstPropertyValue("summary")).startsWith(PAYLOADS[0]!))!;
    for (const name of ["summary", "location", "description"]) expect(normalizeSpace(String(ours.getFirstPropertyValue(name)))).toBe(normalizeSpace(ALL));
    for (const event of vevents) expect(String(event.getFirstPropertyValue("url"))).toMatch(/^https?:\/\//);
  });

  it("the issue's and the post's e-mail editions run nothing and show every payload", async () => {
    for (const mail of [await renderIssueEdition(t.db, ids.issue), await renderPostEdition(t.db, ids.post)]) {
      expectInert(mail.html);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      const text = normalizeSpace(mail.text);
      expect(PAYLOADS.filter((p) => !text.includes(normalizeSpace(p.replaceAll("\u200b", " "))))).toEqual([]);
    }
  });
});
