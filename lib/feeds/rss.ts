import type { JSONContent } from "@tiptap/core";
import { Feed, type Item } from "feed";
import { bylineText } from "@/lib/format";
import type { Byline } from "@/db/schema";
import { summaryOf } from "@/lib/content/description";
import { renderDocument } from "@/lib/content/render";
import { escapeHtml } from "@/lib/mail/templates";
import { absoluteUrl, absolutizeHtml, paths, shareImageUrl } from "./urls";

/** The newest entries a feed carries: enough for any reader that polls, small enough to stay fast. */
export const FEED_LIMIT = 50;

export type FeedText = {
  id: string;
  slug: string;
  publishedAt: Date | null;
  title: string;
  lead: string;
  description: string | null;
  body: JSONContent;
  byline: Byline[];
  tags: string[];
  coverId: string | null;
  coverAlt: string | null;
};

export type FeedPost = FeedText & { blogSlug: string; blogName: string };

export type FeedIssue = {
  id: string;
  year: number;
  number: number;
  title: string;
  publishedAt: Date | null;
  publicationName: string;
  articles: FeedText[];
};

/** An entry with the date it sorts by; `publishedAt` is never null for a live text. */
export type FeedEntry = Item & { date: Date };

/**
 * Our texts (titles, leads, names, tags) as HTML that shows them as written. Readers render a
 * description as HTML (RSS 2.0 says so) and most render titles, authors and categories as HTML too,
 * so a text not escaped once more reaches them as markup: an `<img onerror>` in a lead ran in feed
 * readers (issue 12). Hexadecimal references, as the RSS Best Practices Profile advises: xml-js,
 * which writes the feed, turns a literal "&amp;" back into "&" before escaping element text.
 */
export function feedText(value: string): string {
  return xmlChars(value).replace(/[&<>]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * Without the characters XML 1.0 cannot carry (most controls, lone surrogates): xml-js writes them
 * as they are, and one vertical tab pasted from Word would make the whole feed unreadable.
 */
function xmlChars(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

function authorsOf(bylines: readonly Byline[]): string[] {
  return [...new Set(bylines.map((author) => author.name).filter(Boolean))];
}

/**
 * RSS 2.0's own <author> must be an e-mail address; names go in Dublin Core's <dc:creator>, which
 * feed readers show as the author (the `feed` package declares the dc namespace with content).
 */
function creator(bylines: readonly Byline[]): Item["extensions"] {
  const names = authorsOf(bylines);
  return names.length > 0 ? [{ name: "dc:creator", objects: { _text: feedText(names.join(", ")) } }] : [];
}

function coverHtml(text: FeedText): string {
  if (!text.coverId) return "";
  return `<p><img src="${escapeHtml(shareImageUrl(text.coverId))}" alt="${escapeHtml(text.coverAlt ?? "")}"></p>`;
}

/** A text's full content: cover, body rendered by the readers' renderer, links made absolute. */
function textHtml(text: FeedText): string {
  return xmlChars(coverHtml(text) + absolutizeHtml(renderDocument(text.body)));
}

export function postEntry(post: FeedPost): FeedEntry {
  const link = absoluteUrl(paths.post(post.blogSlug, post.slug));
  const date = post.publishedAt ?? new Date(0);
  return {
    title: feedText(post.title),
    link,
    // The text's id, not its address: a changed slug or domain must not show the post as new.
    guid: `urn:uuid:${post.id}`,
    date,
    published: date,
    // The summary a feed reader lists, like a search result: the description when one is written.
    description: summaryOf(post) ? feedText(summaryOf(post)) : undefined,
    content: textHtml(post),
    category: post.tags.map((tag) => ({ name: feedText(tag) })),
    extensions: creator(post.byline),
  };
}

export function issueTitle(issue: Pick<FeedIssue, "publicationName" | "number" | "year" | "title">): string {
  const base = `${issue.publicationName}, nummer ${issue.number} ${issue.year}`;
  return issue.title ? `${base}: ${issue.title}` : base;
}

function listInSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items.at(-1)}`;
}

/**
 * One entry per issue, not per article: an issue is published as one unit and mailed as one
 * letter, so a reader gets "Nummer 11 2026" once with everything in it, as the subscribers do,
 * instead of half a dozen entries with the same minute that would push the blogs out of the
 * combined feed. Each article's heading links to its own page.
 */
export function issueEntry(issue: FeedIssue): FeedEntry {
  const link = absoluteUrl(paths.issue(issue.year, issue.number));
  const date = issue.publishedAt ?? new Date(0);
  const contents = issue.articles.map((article) => {
    const href = absoluteUrl(paths.article(issue.year, issue.number, article.slug));
    const byline = bylineText(article.byline);
    return [
      `<h2><a href="${escapeHtml(href)}">${feedText(article.title)}</a></h2>`,
      article.lead ? `<p><strong>${feedText(article.lead)}</strong></p>` : "",
      byline ? `<p><em>${feedText(byline)}</em></p>` : "",
      textHtml(article),
    ].join("");
  });
  const titles = issue.articles.map((article) => article.title);
  return {
    title: feedText(issueTitle(issue)),
    link,
    guid: `urn:uuid:${issue.id}`,
    date,
    published: date,
    description: titles.length > 0 ? feedText(`I det här numret: ${listInSwedish(titles)}.`) : undefined,
    content: contents.join("<hr>"),
    category: [...new Set(issue.articles.flatMap((article) => article.tags))].map((tag) => ({ name: feedText(tag) })),
    extensions: creator(issue.articles.flatMap((article) => article.byline)),
  };
}

/** Newest first, at most FEED_LIMIT. */
export function newestFirst(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, FEED_LIMIT);
}

export function renderRss(options: { title: string; description: string; pagePath: string; feedPath: string; entries: readonly FeedEntry[] }): string {
  const feed = new Feed({
    title: feedText(options.title),
    description: feedText(options.description),
    id: absoluteUrl(options.pagePath),
    link: absoluteUrl(options.pagePath),
    feed: absoluteUrl(options.feedPath),
    language: "sv",
    // Minutes a reader may cache the feed: the page behind it is revalidated about as often.
    ttl: 15,
    generator: "Kommunbladet",
    updated: options.entries[0]?.date ?? new Date(),
  });
  for (const entry of options.entries) feed.addItem(entry);
  return feed.rss2();
}

export function rssResponse(xml: string): Response {
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
