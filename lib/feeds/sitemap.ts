import type { SitemapOverview } from "@/db/queries/public/sitemap";
import { stockholmLocalToUtc } from "@/lib/dates";
import { absoluteUrl, paths } from "./urls";

/**
 * The sitemap, split the way the sitemaps protocol allows: /sitemap.xml is an index naming one file
 * of the site's fixed pages and blogs, and one file per year of texts. A file may hold 50,000
 * addresses, and a municipality that has published for decades has more than that; one file per
 * year also means that an old year's file never changes, so crawlers see its `lastmod` stand still
 * and need not fetch it again.
 */

/** The protocol's limit for one file. */
export const SITEMAP_MAX_URLS = 50_000;

/** A year of texts (by the issue's year, and for posts the year of publication, Stockholm time). */
export const sitemapYearFile = /^(\d{4})\.xml$/;

/** A calendar year in Stockholm time, as UTC instants: the posts of a year's file. */
export function stockholmYearBounds(year: number): { from: Date; to: Date } {
  return { from: stockholmLocalToUtc(`${year}-01-01T00:00`)!, to: stockholmLocalToUtc(`${year + 1}-01-01T00:00`)! };
}

export type SitemapUrl = { url: string; lastModified?: Date };

type Dated = { modifiedAt: Date };
export type SitemapYear = {
  issues: { year: number; number: number; publishedAt: Date | null }[];
  articles: ({ year: number; number: number; slug: string } & Dated)[];
  posts: ({ blogSlug: string; slug: string } & Dated)[];
};

/** The last change of the newsletter per year, of each blog per year, and every blog (getSitemapOverview). */
export type { SitemapOverview };

export function latest(dates: readonly (Date | null | undefined)[]): Date | undefined {
  const times = dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

const entry = (path: string, lastModified?: Date): SitemapUrl => ({ url: absoluteUrl(path), lastModified });

/** Each year that has a live text, newest first, with its last change: the year files to name. */
export function sitemapYears(overview: SitemapOverview): { year: number; modifiedAt: Date }[] {
  const years = new Map<number, Date>();
  for (const row of [...overview.newsletter, ...overview.posts]) years.set(row.year, latest([years.get(row.year), row.modifiedAt])!);
  return [...years].map(([year, modifiedAt]) => ({ year, modifiedAt })).sort((a, b) => b.year - a.year);
}

const lastChange = (overview: SitemapOverview) => latest([...overview.newsletter, ...overview.posts].map((row) => row.modifiedAt));

/** The index: the fixed pages' file and each year's file, newest year first. */
export function sitemapIndexUrls(overview: SitemapOverview): SitemapUrl[] {
  return [entry(paths.sitemapPages(), lastChange(overview)), ...sitemapYears(overview).map((y) => entry(paths.sitemapYear(y.year), y.modifiedAt))];
}

/** The pages that are not one text: the start page, the archive, the list of blogs and each blog, the calendar and the statement. */
export function sitemapPageUrls(overview: SitemapOverview): SitemapUrl[] {
  return [
    entry(paths.home(), lastChange(overview)),
    entry(paths.archive(), latest(overview.newsletter.map((row) => row.modifiedAt))),
    entry(paths.blogs(), latest(overview.posts.map((row) => row.modifiedAt))),
    ...overview.blogSlugs.map((slug) => entry(paths.blog(slug), latest(overview.posts.filter((row) => row.blogSlug === slug).map((row) => row.modifiedAt)))),
    entry(paths.calendar()),
    entry(paths.accessibility()),
  ];
}

/** One year's issues, articles and posts. An issue changes when any of its articles does (a correction). */
export function sitemapYearUrls({ issues, articles, posts }: SitemapYear): SitemapUrl[] {
  const issueModified = new Map<string, Date | undefined>(issues.map((i) => [`${i.year}/${i.number}`, i.publishedAt ?? undefined]));
  for (const article of articles) {
    const key = `${article.year}/${article.number}`;
    if (issueModified.has(key)) issueModified.set(key, latest([issueModified.get(key), article.modifiedAt]));
  }
  return [
    ...issues.map((issue) => entry(paths.issue(issue.year, issue.number), issueModified.get(`${issue.year}/${issue.number}`))),
    ...articles.map((article) => entry(paths.article(article.year, article.number, article.slug), article.modifiedAt)),
    ...posts.map((post) => entry(paths.post(post.blogSlug, post.slug), post.modifiedAt)),
  ].slice(0, SITEMAP_MAX_URLS);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

function xml(root: "urlset" | "sitemapindex", item: "url" | "sitemap", urls: readonly SitemapUrl[]): string {
  const items = urls.map((u) => `<${item}><loc>${escapeXml(u.url)}</loc>${u.lastModified ? `<lastmod>${u.lastModified.toISOString()}</lastmod>` : ""}</${item}>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</${root}>\n`;
}

export const urlsetXml = (urls: readonly SitemapUrl[]) => xml("urlset", "url", urls);
export const sitemapIndexXml = (urls: readonly SitemapUrl[]) => xml("sitemapindex", "sitemap", urls);

export function xmlResponse(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
