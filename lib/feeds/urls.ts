import { z } from "zod";
import { mediaUrl } from "@/lib/content/extensions/figure";
import type { PublicTextListItem } from "@/db/queries/public/texts";
import { env } from "@/lib/env";

/**
 * Public addresses for feeds, the sitemap and metadata. Feed readers, calendars and search engines
 * see our content outside our pages, so every link they get must be absolute: the origin is
 * PUBLIC_URL, never the request's Host header (which a client chooses).
 */
export function siteOrigin(): string {
  return new URL(env().PUBLIC_URL).origin;
}

export function siteHost(): string {
  return new URL(env().PUBLIC_URL).hostname;
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteOrigin()}/`).toString();
}

export const paths = {
  home: () => "/",
  archive: () => "/nyhetsbrev",
  issue: (year: number, number: number) => `/nyhetsbrev/${year}/${number}`,
  article: (year: number, number: number, slug: string) => `/nyhetsbrev/${year}/${number}/${encodeURIComponent(slug)}`,
  blogs: () => "/blogg",
  blog: (blogSlug: string) => `/blogg/${encodeURIComponent(blogSlug)}`,
  post: (blogSlug: string, slug: string) => `/blogg/${encodeURIComponent(blogSlug)}/${encodeURIComponent(slug)}`,
  accessibility: () => "/tillganglighet",
  calendar: () => "/kalender",
  feed: () => "/feed.xml",
  newsletterFeed: () => "/nyhetsbrev/feed.xml",
  blogFeed: (blogSlug: string) => `/blogg/${encodeURIComponent(blogSlug)}/feed.xml`,
  calendarFeed: () => "/kalender.ics",
  sitemap: () => "/sitemap.xml",
  sitemapPages: () => "/sitemaps/sidor.xml",
  sitemapYear: (year: number) => `/sitemaps/${year}.xml`,
} as const;

/**
 * An issue's address parts (`paths.issue`) as the router hands them over. A malformed address (a year
 * that is not a number) fails here and is a 404 without a database query.
 */
export const issueAddress = z.object({
  year: z.coerce.number().int().min(1900).max(9999),
  number: z.coerce.number().int().min(1).max(999),
});

/** An article's (`paths.article`): its issue's, and a slug of sane length (no 10 kB lookups). */
export const articleAddress = issueAddress.extend({ slug: z.string().min(1).max(200) });

/**
 * A free-text web address (an event's link) as readers may be sent to it: absolute http(s), or null.
 * "javascript:…", "data:…" or a mistyped address must never become a link in the calendar feed or
 * on the calendar page.
 */
export function webLink(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  if (!/^https?:\/\//i.test(trimmed) || !URL.canParse(trimmed)) return null;
  return new URL(trimmed).href;
}

/** The 1600 px WebP rendering of an image: large enough for Open Graph cards and feed readers. */
export function shareImageUrl(mediaId: string): string {
  return absoluteUrl(mediaUrl(mediaId, 1600));
}

/**
 * Makes the site-relative links and images of rendered HTML absolute, for feed readers that show
 * it on another origin. The HTML comes from our own serializer (attributes double-quoted, values
 * escaped), so attribute values can be matched without a parser.
 */
export function absolutizeHtml(html: string): string {
  const origin = siteOrigin();
  return html
    .replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`)
    .replace(/\bsrcset="([^"]*)"/g, (_, list: string) => `srcset="${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${origin}/`)}"`);
}

/** The public address of a listed text: articles live under their issue, posts under their blog. */
export function publicTextPath(text: Pick<PublicTextListItem, "kind" | "slug" | "publicationSlug" | "issueYear" | "issueNumber">): string {
  // A live article always has its live issue: the queries that list them join it.
  return text.kind === "article" ? paths.article(text.issueYear as number, text.issueNumber as number, text.slug) : paths.post(text.publicationSlug, text.slug);
}
