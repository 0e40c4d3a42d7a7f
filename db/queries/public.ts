import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { authorSlugRedirects, contentItems, corrections, eventOccurrences, eventPublications, events, media, newsletterIssues, publications, revisions, siteSettings, users } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { assignAuthorSlugs } from "@/lib/content/author-slug";
import type { SitemapOverview } from "@/lib/feeds/sitemap";
import { paths } from "@/lib/feeds/urls";

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

export async function getSiteSettings(db: DbOrTx) {
  const [settings] = await db.select().from(siteSettings).limit(1);
  return settings ?? null;
}

/** The site's logo as an image of the media library, or null when the site has none. */
export async function getSiteLogo(db: DbOrTx) {
  const [logo] = await db
    .select({ id: media.id, storageKey: media.storageKey, mimeType: media.mimeType, width: media.width, height: media.height })
    .from(siteSettings)
    .innerJoin(media, eq(media.id, siteSettings.logoMediaId))
    .limit(1);
  return logo ?? null;
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

/** A cover's columns as coverOf() reads them, from `media` or an alias of it. */
export function coverColumns<M extends Record<"id" | "alt" | "width" | "height" | "caption" | "credit", AnyPgColumn>>(m: M) {
  return { coverId: m.id, coverAlt: m.alt, coverWidth: m.width, coverHeight: m.height, coverCaption: m.caption, coverCredit: m.credit };
}

const articleColumns = {
  id: contentItems.id,
  slug: contentItems.slug,
  placement: contentItems.placement,
  position: contentItems.position,
  publishedAt: contentItems.publishedAt,
  title: revisions.title,
  lead: revisions.lead,
  description: revisions.description,
  body: revisions.body,
  byline: revisions.byline,
  tags: revisions.tags,
  ...coverColumns(media),
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

/**
 * Every blog with its number of live posts and its newest one (null when it has none yet), the blog
 * with the newest post first: the list at /blogg.
 */
export async function getBlogs(db: Db) {
  const [blogs, counts, newest] = await Promise.all([
    db
      .select({ id: publications.id, slug: publications.slug, name: publications.name, description: publications.description })
      .from(publications)
      .where(eq(publications.kind, "blog"))
      .orderBy(asc(publications.name)),
    db
      .select({ blogId: contentItems.publicationId, posts: sql<number>`count(*)::int`.mapWith(Number) })
      .from(contentItems)
      .where(and(itemIsLive, eq(contentItems.kind, "post")))
      .groupBy(contentItems.publicationId),
    db
      .selectDistinctOn([contentItems.publicationId], {
        blogId: contentItems.publicationId,
        slug: contentItems.slug,
        title: revisions.title,
        byline: revisions.byline,
        publishedAt: contentItems.publishedAt,
      })
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .where(and(itemIsLive, eq(contentItems.kind, "post")))
      .orderBy(contentItems.publicationId, desc(contentItems.publishedAt), desc(contentItems.id)),
  ]);
  const postCount = new Map(counts.map((row) => [row.blogId, row.posts]));
  const latest = new Map(newest.map(({ blogId, ...post }) => [blogId, post]));
  const newestTime = (id: string) => latest.get(id)?.publishedAt?.getTime() ?? 0;
  return blogs
    .map((blog) => ({ ...blog, postCount: postCount.get(blog.id) ?? 0, latestPost: latest.get(blog.id) ?? null }))
    .sort((a, b) => newestTime(b.id) - newestTime(a.id));
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

/**
 * Listed events that may have an occurrence between `from` and `to` (YYYY-MM-DD), with the changes to
 * single occurrences of the recurring ones: lib/calendar expands them. A recurring event is read
 * whenever it starts before the window ends, since only its rule knows when it stops. With
 * `publicationId`, only the events shown in that publication's Kalendarium.
 */
export async function getListedEventRows(db: DbOrTx, window: { from: string; to: string }, publicationId?: string) {
  const inWindow = or(
    and(isNull(events.recurrence), gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, window.from), lte(events.startsOn, window.to)),
    and(isNotNull(events.recurrence), lte(events.startsOn, window.to)),
  );
  const linked = publicationId
    ? inArray(events.id, db.select({ id: eventPublications.eventId }).from(eventPublications).where(eq(eventPublications.publicationId, publicationId)))
    : undefined;
  const rows = await db
    .select({ id: events.id, ...eventColumns, recurrence: events.recurrence })
    .from(events)
    .where(and(eq(events.listed, true), inWindow, linked))
    .orderBy(asc(events.startsOn), asc(events.startTime), asc(events.id))
    .limit(2000);
  return { events: rows, changes: await getOccurrenceChanges(db, rows.filter((e) => e.recurrence).map((e) => e.id)) };
}

/** The changed occurrences (cancelled or moved) of these events. */
export async function getOccurrenceChanges(db: DbOrTx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      eventId: eventOccurrences.eventId,
      occursOn: eventOccurrences.occursOn,
      cancelled: eventOccurrences.cancelled,
      startsOn: eventOccurrences.startsOn,
      startTime: eventOccurrences.startTime,
      endsOn: eventOccurrences.endsOn,
      endTime: eventOccurrences.endTime,
    })
    .from(eventOccurrences)
    .where(inArray(eventOccurrences.eventId, eventIds))
    .orderBy(asc(eventOccurrences.occursOn));
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

// ---------------------------------------------------------------------------------------------
// Reader pages: article, tag, author and calendar pages. Every query below goes through itemIsLive,
// and articles also through issueIsLive: an article whose issue is withdrawn is gone with it.
// ---------------------------------------------------------------------------------------------

/** A post is live on its own; an article only while its issue is live too. */
const textAndIssueAreLive = and(itemIsLive, or(eq(contentItems.kind, "post"), and(isNotNull(contentItems.issueId), issueIsLive)));

/** One article of a live issue, with its issue's year, number and publication for the way back. */
export async function getIssueArticle(db: Db, year: number, number: number, slug: string) {
  const [article] = await db
    .select({ ...articleColumns, issueYear: newsletterIssues.year, issueNumber: newsletterIssues.number, publicationName: publications.name })
    .from(contentItems)
    .innerJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .where(
      and(
        itemIsLive,
        issueIsLive,
        eq(contentItems.kind, "article"),
        eq(newsletterIssues.year, year),
        eq(newsletterIssues.number, number),
        eq(contentItems.slug, slug),
      ),
    )
    .limit(1);
  return article ?? null;
}

const textListColumns = {
  id: contentItems.id,
  kind: contentItems.kind,
  slug: contentItems.slug,
  publishedAt: contentItems.publishedAt,
  title: revisions.title,
  lead: revisions.lead,
  byline: revisions.byline,
  tags: revisions.tags,
  publicationSlug: publications.slug,
  publicationName: publications.name,
  issueYear: newsletterIssues.year,
  issueNumber: newsletterIssues.number,
};

export type PublicTextListItem = Awaited<ReturnType<typeof liveTexts>>[number];

/** Live posts and articles matching `where`, newest first. */
function liveTexts(db: Db, where: ReturnType<typeof and>, limit: number) {
  return db
    .select(textListColumns)
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(and(textAndIssueAreLive, where))
    .orderBy(desc(contentItems.publishedAt), asc(revisions.title))
    .limit(limit);
}

/** The public address of a listed text: articles live under their issue, posts under their blog. */
export function publicTextPath(text: Pick<PublicTextListItem, "kind" | "slug" | "publicationSlug" | "issueYear" | "issueNumber">): string {
  // A live article always has its live issue: the queries that list them join it.
  return text.kind === "article"
    ? paths.article(text.issueYear as number, text.issueNumber as number, text.slug)
    : paths.post(text.publicationSlug, text.slug);
}

/** Live texts carrying `tag` (exact, as written by the editor), newest first. */
export async function getTextsByTag(db: Db, tag: string, limit = 200) {
  return liveTexts(db, sql`${tag} = any(${revisions.tags})`, limit);
}

/**
 * Staff who sign at least one live text: the people an author page may exist for. Name and job
 * title only — never an e-mail address. Guest writers (bylines without an account) have no page.
 */
export async function getBylineAuthors(db: Db) {
  const signs = db
    .select({ one: sql`1` })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(and(textAndIssueAreLive, sql`${revisions.byline} @> jsonb_build_array(jsonb_build_object('userId', ${users.id}::text))`));
  return db
    .select({ id: users.id, name: users.name, jobTitle: users.jobTitle })
    .from(users)
    .where(sql`exists (${signs})`)
    .orderBy(asc(users.name), asc(users.id));
}

/** Live texts with the staff member `userId` in the byline, newest first. */
export async function getTextsByAuthor(db: Db, userId: string, limit = 200) {
  return liveTexts(db, sql`${revisions.byline} @> jsonb_build_array(jsonb_build_object('userId', ${userId}::text))`, limit);
}

/**
 * Every staff member's author-page slug by user id: the stored one (users.slug, issue 14), which moves
 * only when the name does. An account not yet backfilled gets the slug the old computed rule gives
 * it (lib/content/author-slug.ts), so the address is the same before and after the backfill.
 */
export async function getAuthorSlugs(db: DbOrTx): Promise<Map<string, string>> {
  const [accounts, earlier] = await Promise.all([
    db.select({ id: users.id, name: users.name, createdAt: users.createdAt, slug: users.slug }).from(users),
    db.select({ slug: authorSlugRedirects.slug }).from(authorSlugRedirects),
  ]);
  return assignAuthorSlugs(accounts, earlier.map((row) => row.slug));
}

/** The byline author whose page is /skribent/<slug>, or null: no such slug, or nothing live signed. */
export async function getBylineAuthorBySlug(db: Db, slug: string) {
  const slugs = await getAuthorSlugs(db);
  const id = [...slugs].find(([, candidate]) => candidate === slug)?.[0];
  if (!id) return null;
  return (await getBylineAuthors(db)).find((author) => author.id === id) ?? null;
}

/** The current slug of the author whose earlier page address was `slug` (renamed), or null. */
export async function getRenamedAuthorSlug(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ userId: authorSlugRedirects.userId }).from(authorSlugRedirects).where(eq(authorSlugRedirects.slug, slug)).limit(1);
  if (!row) return null;
  return (await getAuthorSlugs(db)).get(row.userId) ?? null;
}

// =============================================================================================
// Feeds, the calendar feed and the sitemap (issue 6, "Feeds and metadata"). Same rule as above:
// every text goes through itemIsLive, every issue through issueIsLive, and an article only counts
// when both it and its issue are live.
// =============================================================================================

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

/**
 * When a text last changed for readers. A first publication's revision is older than its
 * publishedAt; a corrected version published later is newer, and its creation is the best date the
 * schema keeps for that change.
 */
const textModifiedAt = sql<Date>`greatest(${contentItems.publishedAt}, ${revisions.createdAt})`.mapWith(
  (value: string | Date) => new Date(value),
);

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
    .where(and(itemIsLive, eq(contentItems.kind, "article"), inArray(contentItems.issueId, issues.map((issue) => issue.id))))
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
