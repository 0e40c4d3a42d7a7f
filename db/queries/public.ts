import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { contentItems, corrections, events, media, newsletterIssues, publications, revisions, siteSettings, users } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * Published-only reads: the only data module that public pages import. Every query here goes
 * through the two predicates below, so a draft, a scheduled or a withdrawn text cannot leak.
 */

/** An issue is public once published, until withdrawn. */
export const issueIsLive = and(
  isNotNull(newsletterIssues.publishedAt),
  isNull(newsletterIssues.withdrawnAt),
  lte(newsletterIssues.publishedAt, sql`now()`),
);

/** A text is public when it has a published revision, is not withdrawn, and its time has come. */
export const itemIsLive = and(
  isNotNull(contentItems.publishedRevisionId),
  isNull(contentItems.withdrawnAt),
  isNotNull(contentItems.publishedAt),
  lte(contentItems.publishedAt, sql`now()`),
);

export async function getSiteSettings(db: Db) {
  const [settings] = await db.select().from(siteSettings).limit(1);
  return settings ?? null;
}

const issueColumns = {
  id: newsletterIssues.id,
  year: newsletterIssues.year,
  number: newsletterIssues.number,
  title: newsletterIssues.title,
  publishedAt: newsletterIssues.publishedAt,
  publicationName: publications.name,
};

export async function getLatestIssues(db: Db, limit = 5) {
  return db
    .select(issueColumns)
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(issueIsLive)
    .orderBy(desc(newsletterIssues.publishedAt))
    .limit(limit);
}

const articleColumns = {
  id: contentItems.id,
  slug: contentItems.slug,
  placement: contentItems.placement,
  position: contentItems.position,
  publishedAt: contentItems.publishedAt,
  title: revisions.title,
  lead: revisions.lead,
  body: revisions.body,
  byline: revisions.byline,
  tags: revisions.tags,
  coverId: media.id,
  coverAlt: media.alt,
  coverWidth: media.width,
  coverHeight: media.height,
  coverCaption: media.caption,
  coverCredit: media.credit,
};

/** A published issue with its published articles in newsletter order, its frozen Kalendarium and colophon. */
export async function getIssue(db: Db, year: number, number: number) {
  const publisher = alias(users, "publisher");
  const editor = alias(users, "editor");
  const [issue] = await db
    .select({
      ...issueColumns,
      calendarNote: newsletterIssues.calendarNote,
      calendar: newsletterIssues.frozenCalendar,
      editorLabel: publications.editorLabel,
      publisherName: publisher.name,
      publisherTitle: publisher.jobTitle,
      publisherEmail: publisher.email,
      editorName: editor.name,
      editorEmail: editor.email,
    })
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .leftJoin(publisher, eq(publisher.id, publications.responsiblePublisherId))
    .leftJoin(editor, eq(editor.id, publications.editorId))
    .where(and(issueIsLive, eq(newsletterIssues.year, year), eq(newsletterIssues.number, number)))
    .limit(1);
  if (!issue) return null;
  const articles = await db
    .select(articleColumns)
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .where(and(itemIsLive, eq(contentItems.issueId, issue.id)))
    .orderBy(sql`case ${contentItems.placement} when 'column' then 0 else 1 end`, asc(contentItems.position));
  return { ...issue, calendar: issue.calendar ?? [], articles };
}

export async function getLatestPosts(db: Db, limit = 5) {
  return db
    .select({
      slug: contentItems.slug,
      publishedAt: contentItems.publishedAt,
      title: revisions.title,
      lead: revisions.lead,
      byline: revisions.byline,
      blogSlug: publications.slug,
      blogName: publications.name,
    })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(itemIsLive, eq(contentItems.kind, "post")))
    .orderBy(desc(contentItems.publishedAt))
    .limit(limit);
}

export async function getBlog(db: Db, slug: string) {
  const [blog] = await db
    .select({ id: publications.id, slug: publications.slug, name: publications.name, description: publications.description })
    .from(publications)
    .where(and(eq(publications.slug, slug), eq(publications.kind, "blog")))
    .limit(1);
  return blog ?? null;
}

export async function getPostsOfBlog(db: Db, blogId: string) {
  return db
    .select({ slug: contentItems.slug, publishedAt: contentItems.publishedAt, title: revisions.title, lead: revisions.lead, byline: revisions.byline })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .where(and(itemIsLive, eq(contentItems.publicationId, blogId), eq(contentItems.kind, "post")))
    .orderBy(desc(contentItems.publishedAt));
}

export async function getPost(db: Db, blogSlug: string, slug: string) {
  const [post] = await db
    .select({ ...articleColumns, blogSlug: publications.slug, blogName: publications.name })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(itemIsLive, eq(publications.slug, blogSlug), eq(contentItems.slug, slug), eq(contentItems.kind, "post")))
    .limit(1);
  return post ?? null;
}

/** An event as readers see it: the shape of a Kalendarium entry (FrozenEvent). */
export const eventColumns = {
  title: events.title,
  startsOn: events.startsOn,
  startTime: events.startTime,
  endsOn: events.endsOn,
  endTime: events.endTime,
  place: events.place,
  description: events.description,
  link: events.link,
  cancelled: events.cancelled,
};

/** Listed events that end on or after `fromDate` (YYYY-MM-DD), soonest first. */
export async function getUpcomingEvents(db: Db, fromDate: string, limit = 10) {
  return db
    .select({ id: events.id, ...eventColumns })
    .from(events)
    .where(and(eq(events.listed, true), gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, fromDate)))
    .orderBy(asc(events.startsOn), asc(events.startTime))
    .limit(limit);
}

export async function getIssueArchive(db: Db) {
  return db
    .select(issueColumns)
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(issueIsLive)
    .orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));
}

export type PublicCorrection = { id: string; text: string; createdAt: Date };

/**
 * The *Rättelser* of live texts, oldest first, keyed by text id. A correction tied to a revision newer
 * than the published one (a corrected version not yet out) stays hidden until that version is live.
 */
export async function getCorrections(db: Db, itemIds: string[]): Promise<Map<string, PublicCorrection[]>> {
  const byItem = new Map<string, PublicCorrection[]>();
  if (itemIds.length === 0) return byItem;
  const corrected = alias(revisions, "corrected");
  const live = alias(revisions, "live");
  const rows = await db
    .select({ id: corrections.id, itemId: corrections.itemId, text: corrections.text, createdAt: corrections.createdAt })
    .from(corrections)
    .innerJoin(contentItems, eq(contentItems.id, corrections.itemId))
    .innerJoin(live, eq(live.id, contentItems.publishedRevisionId))
    .leftJoin(corrected, eq(corrected.id, corrections.revisionId))
    .where(and(itemIsLive, inArray(corrections.itemId, itemIds), or(isNull(corrected.id), lte(corrected.number, live.number))))
    .orderBy(asc(corrections.createdAt), asc(corrections.id));
  for (const { itemId, ...correction } of rows) {
    const list = byItem.get(itemId) ?? [];
    list.push(correction);
    byItem.set(itemId, list);
  }
  return byItem;
}
