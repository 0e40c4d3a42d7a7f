import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { contentItems, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { issueIsLive, itemIsLive, textModifiedAt } from "./live";

type Dated = { modifiedAt: Date };

/** The last change of the newsletter per year, of each blog per year, and every blog. */
export type SitemapOverview = {
  newsletter: ({ year: number } & Dated)[];
  posts: ({ blogSlug: string; year: number } & Dated)[];
  blogSlugs: string[];
};

/** A post's year in the sitemap: the year it was published, Stockholm time. */
const postYear = sql<number>`extract(year from (${contentItems.publishedAt} at time zone 'Europe/Stockholm'))::int`.mapWith(Number);

/** The latest change among grouped texts: a sitemap `lastmod`. */
const newestChange = sql<Date>`max(${textModifiedAt})`.mapWith((value: string | Date) => new Date(value));

/**
 * What the sitemap index and its pages' file need (folded in lib/feeds/sitemap.ts): the last change
 * of the newsletter per year (its issues, and their articles), and of each blog per year, and every
 * blog. Issues and their articles count in the issue's year; posts in the year they were published.
 */
export async function getSitemapOverview(db: Db): Promise<SitemapOverview> {
  const [issueYears, articleYears, posts, blogs] = await Promise.all([
    db
      .select({ year: newsletterIssues.year, modifiedAt: sql<Date>`max(${newsletterIssues.publishedAt})`.mapWith((v: string | Date) => new Date(v)) })
      .from(newsletterIssues)
      .where(issueIsLive)
      .groupBy(newsletterIssues.year),
    db
      .select({ year: newsletterIssues.year, modifiedAt: newestChange })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .innerJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
      .where(and(itemIsLive, issueIsLive, eq(contentItems.kind, "article")))
      .groupBy(newsletterIssues.year),
    // One pass over the live posts serves both the years and the blogs.
    db
      .select({ blogSlug: publications.slug, year: postYear, modifiedAt: newestChange })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .innerJoin(publications, eq(publications.id, contentItems.publicationId))
      .where(and(itemIsLive, eq(contentItems.kind, "post")))
      .groupBy(publications.slug, postYear),
    db.select({ slug: publications.slug }).from(publications).where(eq(publications.kind, "blog")).orderBy(asc(publications.slug)),
  ]);
  return { newsletter: [...issueYears, ...articleYears], posts, blogSlugs: blogs.map((blog) => blog.slug) };
}

/**
 * One year's live issues, articles and posts for its sitemap file, oldest first, at most `limit` of
 * each kind (the protocol allows 50,000 addresses a file; a municipality publishes hundreds a year).
 * Posts are chosen by their publication time within the Stockholm year.
 */
export async function getSitemapYear(db: Db, year: number, bounds: { from: Date; to: Date }, limit = 16_000) {
  const [issues, articles, posts] = await Promise.all([
    db
      .select({ year: newsletterIssues.year, number: newsletterIssues.number, publishedAt: newsletterIssues.publishedAt })
      .from(newsletterIssues)
      .where(and(issueIsLive, eq(newsletterIssues.year, year)))
      .orderBy(asc(newsletterIssues.number))
      .limit(limit),
    db
      .select({ year: newsletterIssues.year, number: newsletterIssues.number, slug: contentItems.slug, modifiedAt: textModifiedAt })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .innerJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
      .where(and(itemIsLive, issueIsLive, eq(contentItems.kind, "article"), eq(newsletterIssues.year, year)))
      .orderBy(asc(newsletterIssues.number), asc(contentItems.position), asc(contentItems.id))
      .limit(limit),
    db
      .select({ blogSlug: publications.slug, slug: contentItems.slug, modifiedAt: textModifiedAt })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .innerJoin(publications, eq(publications.id, contentItems.publicationId))
      .where(and(itemIsLive, eq(contentItems.kind, "post"), gte(contentItems.publishedAt, bounds.from), lt(contentItems.publishedAt, bounds.to)))
      .orderBy(asc(contentItems.publishedAt), asc(contentItems.id))
      .limit(limit),
  ]);
  return { issues, articles, posts };
}
