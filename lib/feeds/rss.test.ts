import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { doc, p } from "@/lib/content/build";
import { inspectHtml } from "@/lib/security/inert-html";
import { documentCarrying, normalizeSpace, XSS_PAYLOADS } from "@/lib/security/xss-corpus";
import { feedText, issueEntry, postEntry, renderRss, type FeedIssue, type FeedPost } from "./rss";

const COVER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const parser = new Parser();

function post(text: string, overrides: Partial<FeedPost> = {}): FeedPost {
  return {
    id: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
    slug: "inlagg",
    publishedAt: new Date("2026-11-20T08:00:00Z"),
    title: text,
    lead: text,
    description: null,
    body: documentCarrying(text).body,
    byline: [{ userId: null, name: text, title: text }],
    tags: [text],
    coverId: COVER_ID,
    coverAlt: text,
    blogSlug: "kommunchefen",
    blogName: text,
    ...overrides,
  };
}

function issue(text: string): FeedIssue {
  return {
    id: "6fa459ea-ee8a-4ca4-894e-db77e160355e",
    year: 2026,
    number: 11,
    title: text,
    publishedAt: new Date("2026-11-02T08:00:00Z"),
    publicationName: text,
    articles: [post(text, { id: "9b2c5a1e-1f3a-4d8e-9a55-0b6c1e2d3f40", slug: "artikel" })],
  };
}

/** The feed of one blog post and one issue, every text of both (and the channel's) being `text`. */
async function feedCarrying(text: string) {
  const xml = renderRss({ title: text, description: text, pagePath: "/", feedPath: "/feed.xml", entries: [postEntry(post(text)), issueEntry(issue(text))] });
  return { xml, feed: await parser.parseString(xml) };
}

/** What XML 1.0 can carry of a text: the feed drops the rest (a control character, a lone surrogate). */
const inXml = (text: string) => text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

/** A field a feed reader shows, read as the HTML readers take it for: inert, and saying `expected`. */
function expectShownAsText(html: string | undefined, expected: string, field: string) {
  const { problems, text } = inspectHtml(html ?? "", { fragment: true });
  expect(problems, field).toEqual([]);
  expect(text, field).toContain(normalizeSpace(inXml(expected)));
}

describe("the RSS feed with the XSS corpus (read by rss-parser)", () => {
  it("writes our texts as HTML-escaped text, with references xml-js leaves alone", () => {
    expect(feedText("Kultur & fritid <3 >_<")).toBe("Kultur &#x26; fritid &#x3C;3 &#x3E;_&#x3C;");
    expect(feedText("&amp;lt;")).toBe("&#x26;amp;lt;");
  });

  it("still carries an ordinary text as itself", async () => {
    const { feed } = await feedCarrying("Nytt badhus öppnar");
    expect(feed.title).toBe("Nytt badhus öppnar");
    expect(feed.items[0]!.title).toBe("Nytt badhus öppnar");
    expect(feed.items[0]!.contentSnippet).toBe("Nytt badhus öppnar");
    expect(feed.items[0]!.creator).toBe("Nytt badhus öppnar");
  });

  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("payload %i stays text in every element a reader shows", async (_, payload) => {
    const { feed } = await feedCarrying(payload);
    // A CDATA or element breakout would add or lose elements.
    expect(feed.items).toHaveLength(2);
    expectShownAsText(feed.title, payload, "channel title");
    expectShownAsText(feed.description, payload, "channel description");
    for (const item of feed.items) {
      expectShownAsText(item.title, payload, "item title");
      expectShownAsText(item.content, payload, "description");
      expectShownAsText(item["content:encoded"], payload, "content:encoded");
      expectShownAsText(item.creator, payload, "dc:creator");
      for (const category of item.categories ?? []) expectShownAsText(String(category), payload, "category");
    }
    const [postItem, issueItem] = feed.items;
    expect(normalizeSpace(postItem!.contentSnippet ?? "")).toBe(normalizeSpace(inXml(payload)));
    // The post's body, cover and all: every text place but the link target shows the payload.
    const body = inspectHtml(postItem!["content:encoded"] ?? "", { fragment: true }).text;
    expect(body.split(normalizeSpace(inXml(payload))).length - 1).toBeGreaterThanOrEqual(documentCarrying(payload).textPlaces);
    expect(issueItem!.title).toContain(", nummer 11 2026");
  });

  it("gives a post's description as its summary when one is written, escaped like the rest", async () => {
    const payload = XSS_PAYLOADS[0]!.payload;
    const xml = renderRss({
      title: "Blogg",
      description: "Blogg",
      pagePath: "/",
      feedPath: "/feed.xml",
      entries: [postEntry(post("Snö", { description: payload, lead: "Ingressen." }))],
    });
    const feed = await parser.parseString(xml);
    expectShownAsText(feed.items[0]!.content, payload, "description");
    expect(feed.items[0]!.content).not.toContain("Ingressen.");
    const plain = await parser.parseString(
      renderRss({ title: "Blogg", description: "Blogg", pagePath: "/", feedPath: "/feed.xml", entries: [postEntry(post("Snö", { lead: "Ingressen." }))] }),
    );
    expect(plain.items[0]!.content).toBe("Ingressen.");
  });

  it("drops characters XML cannot carry instead of breaking the whole feed", async () => {
    const text = "Vertikal\u000btab\u0001 och \ud800ensam surrogat";
    const xml = renderRss({ title: text, description: text, pagePath: "/", feedPath: "/feed.xml", entries: [postEntry(post(text, { body: doc(p(text)) }))] });
    const feed = await parser.parseString(xml);
    expect(feed.items[0]!.title).toBe("Vertikaltab och ensam surrogat");
    expect(feed.items[0]!["content:encoded"]).toContain("Vertikaltab och ensam surrogat");
  });
});
