import { and, asc, desc, eq, gte, inArray, isNotNull, or, sql } from "drizzle-orm";
import { contentItems, events, media, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { eventColumns } from "./events";
import { issueColumns, issueIsLive, itemIsLive } from "./live";

// Feeds and the calendar feed (issue 6, "Feeds and metadata"): every text goes through itemIsLive,
// every issue through issueIsLive.

/** What a feed entry needs of a text: its words, byline and cover, rendered by lib/feeds. */
const feedTextColumns = {
  id: contentItems.id,
  slug: contentItems.slug,
  publishedAt: contentItems.publishedAt,
  title: revisions.title,
  lead: revisions.lead,
  description: revisions.description,
  body: revisions.body,
  byline: revisions.byline,
  tags: revisions.tags,
  coverId: media.id,
  coverAlt: media.alt,
};

/** The latest live posts with their content, of one blog or of all blogs. */
export async function getFeedPosts(db: Db, options: { blogId?: string; limit?: number } = {}) {
  return db
    .select({ ...feedTextColumns, blogSlug: publications.slug, blogName: publications.name })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .where(and(itemIsLive, eq(contentItems.kind, "post"), options.blogId ? eq(contentItems.publicationId, options.blogId) : undefined))
    .orderBy(desc(contentItems.publishedAt), asc(contentItems.id))
    .limit(options.limit ?? 50);
}

/** The latest live issues, each with its live articles in newsletter order. */
export async function getFeedIssues(db: Db, limit = 50) {
  const issues = await db
    .select(issueColumns)
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(issueIsLive)
    .orderBy(desc(newsletterIssues.publishedAt), desc(newsletterIssues.year), desc(newsletterIssues.number))
    .limit(limit);
  if (issues.length === 0) return [];
  const articles = await db
    .select({ ...feedTextColumns, issueId: contentItems.issueId, placement: contentItems.placement })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .where(
      and(
        itemIsLive,
        eq(contentItems.kind, "article"),
        inArray(
          contentItems.issueId,
          issues.map((issue) => issue.id),
        ),
      ),
    )
    .orderBy(sql`case ${contentItems.placement} when 'column' then 0 else 1 end`, asc(contentItems.position));
  return issues.map((issue) => ({ ...issue, articles: articles.filter((article) => article.issueId === issue.id) }));
}

/**
 * Listed events for the iCalendar feed: every event that ends on or after `fromDate` (YYYY-MM-DD),
 * so a subscriber's calendar keeps the recent past too. Bounded, soonest first.
 */
export async function getCalendarFeedEvents(db: Db, fromDate: string, limit = 1000) {
  // A recurring event is read whatever its start: lib/calendar decides from its rule whether it still runs.
  return db
    .select({ id: events.id, ...eventColumns, recurrence: events.recurrence, updatedAt: events.updatedAt, createdAt: events.createdAt })
    .from(events)
    .where(and(eq(events.listed, true), or(isNotNull(events.recurrence), gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, fromDate))))
    .orderBy(asc(events.startsOn), asc(events.startTime), asc(events.id))
    .limit(limit);
}
