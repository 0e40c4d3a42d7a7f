import { and, asc, desc, eq, sql } from "drizzle-orm";
import { contentItems, media, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { getColophonPeople } from "./colophon";
import { articleColumns, issueColumns, issueIsLive, itemIsLive } from "./live";

export async function getLatestIssues(db: Db, limit = 5) {
  return db
    .select(issueColumns)
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(issueIsLive)
    .orderBy(desc(newsletterIssues.publishedAt))
    .limit(limit);
}

/** A published issue with its published articles in newsletter order, its frozen Kalendarium and colophon. */
export async function getIssue(db: Db, year: number, number: number) {
  const [row] = await db
    .select({
      ...issueColumns,
      publicationId: newsletterIssues.publicationId,
      calendarNote: newsletterIssues.calendarNote,
      calendar: newsletterIssues.frozenCalendar,
    })
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(and(issueIsLive, eq(newsletterIssues.year, year), eq(newsletterIssues.number, number)))
    .limit(1);
  if (!row) return null;
  const { publicationId, ...issue } = row;
  const [people, articles] = await Promise.all([
    getColophonPeople(db, publicationId),
    db
      .select(articleColumns)
      .from(contentItems)
      .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
      .leftJoin(media, eq(media.id, revisions.coverMediaId))
      .where(and(itemIsLive, eq(contentItems.issueId, issue.id)))
      .orderBy(sql`case ${contentItems.placement} when 'column' then 0 else 1 end`, asc(contentItems.position)),
  ]);
  // The issue's publication exists (inner join above), so its colophon row does too.
  return { ...issue, ...people!, calendar: issue.calendar ?? [], articles };
}

export async function getIssueArchive(db: Db) {
  return db
    .select(issueColumns)
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(issueIsLive)
    .orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));
}

/** One article of a live issue, with its issue's year, number and publication for the way back. */
export async function getIssueArticle(db: Db, year: number, number: number, slug: string) {
  const [article] = await db
    .select({ ...articleColumns, issueYear: newsletterIssues.year, issueNumber: newsletterIssues.number, publicationName: publications.name })
    .from(contentItems)
    .innerJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .innerJoin(revisions, eq(revisions.id, contentItems.publishedRevisionId))
    .leftJoin(media, eq(media.id, revisions.coverMediaId))
    .where(and(itemIsLive, issueIsLive, eq(contentItems.kind, "article"), eq(newsletterIssues.year, year), eq(newsletterIssues.number, number), eq(contentItems.slug, slug)))
    .limit(1);
  return article ?? null;
}
