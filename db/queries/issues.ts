import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { contentItems, newsletterIssues, reviewComments, revisions, users } from "@/db/schema";
import type { Db } from "@/db/types";

/** Staff reads of newsletter issues (the issue pages of /redaktion/nummer). */

/** An issue's row, or undefined. */
export async function getIssueRow(db: Db, id: string) {
  const [issue] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
  return issue;
}

/** The issue-level review comments ("Begär ändringar" on a whole issue), oldest first. */
export async function listIssueComments(db: Db, issueId: string) {
  return db
    .select({ id: reviewComments.id, body: reviewComments.body, createdAt: reviewComments.createdAt, author: users.name })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorId))
    .where(eq(reviewComments.issueId, issueId))
    .orderBy(asc(reviewComments.createdAt));
}

/** The issue's articles, each with its current revision, in no particular order. */
export async function listIssueArticleRevisions(db: Db, issueId: string) {
  return db
    .select({ item: contentItems, revision: revisions })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .where(eq(contentItems.issueId, issueId));
}

/** The open (unresolved, top-level) review comments of these texts, oldest first. */
export async function listOpenTextComments(db: Db, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  return db
    .select({ itemId: reviewComments.itemId, body: reviewComments.body, author: users.name })
    .from(reviewComments)
    .leftJoin(users, eq(users.id, reviewComments.authorId))
    .where(and(inArray(reviewComments.itemId, itemIds), eq(reviewComments.resolved, false), isNull(reviewComments.parentId)))
    .orderBy(asc(reviewComments.createdAt));
}
