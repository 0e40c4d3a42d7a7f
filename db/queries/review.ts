import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { contentItems, newsletterIssues, publications, revisions, users } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * The utgivare's queue: texts and issues waiting for a decision, oldest first (who has waited
 * longest comes first), with who sent them and when. Articles under review as part of an issue
 * are reviewed with the issue, so only texts sent on their own are listed as texts.
 */
export async function listReviewQueue(db: Db) {
  const submitter = alias(users, "submitter");
  const texts = await db
    .select({
      id: contentItems.id,
      kind: contentItems.kind,
      title: revisions.title,
      version: revisions.number,
      publicationName: publications.name,
      issueYear: newsletterIssues.year,
      issueNumber: newsletterIssues.number,
      issueStatus: newsletterIssues.status,
      submittedAt: contentItems.submittedAt,
      submittedBy: submitter.name,
    })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .leftJoin(submitter, eq(submitter.id, contentItems.submittedBy))
    .where(eq(contentItems.status, "in_review"))
    .orderBy(asc(contentItems.submittedAt));
  const issues = await db
    .select({
      id: newsletterIssues.id,
      year: newsletterIssues.year,
      number: newsletterIssues.number,
      title: newsletterIssues.title,
      publicationName: publications.name,
      submittedAt: newsletterIssues.submittedAt,
      submittedBy: submitter.name,
    })
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .leftJoin(submitter, eq(submitter.id, newsletterIssues.submittedBy))
    .where(eq(newsletterIssues.status, "in_review"))
    .orderBy(asc(newsletterIssues.submittedAt));
  return { texts: texts.filter((t) => t.issueStatus !== "in_review"), issues };
}
