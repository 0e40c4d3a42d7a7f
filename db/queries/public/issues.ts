import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { contentItems, media, newsletterIssues, publications, revisions, users } from "@/db/schema";
import type { Db } from "@/db/types";
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
