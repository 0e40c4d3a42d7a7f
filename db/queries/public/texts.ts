import { and, asc, desc, eq, sql } from "drizzle-orm";
import { contentItems, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { textAndIssueAreLive } from "./live";

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

/** Live texts carrying `tag` (exact, as written by the editor), newest first. */
export async function getTextsByTag(db: Db, tag: string, limit = 200) {
  return liveTexts(db, sql`${tag} = any(${revisions.tags})`, limit);
}

/** Live texts with the staff member `userId` in the byline, newest first. */
export async function getTextsByAuthor(db: Db, userId: string, limit = 200) {
  return liveTexts(db, sql`${revisions.byline} @> jsonb_build_array(jsonb_build_object('userId', ${userId}::text))`, limit);
}
