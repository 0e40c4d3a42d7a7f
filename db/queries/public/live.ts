import { and, eq, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { type AnyPgColumn } from "drizzle-orm/pg-core";
import { contentItems, media, newsletterIssues, publications, revisions } from "@/db/schema";

/**
 * Published-only reads: the only data modules that public pages import (db/queries/public/*). Every
 * query there goes through the predicates below, so a draft, a scheduled or a withdrawn text cannot
 * leak; and an article only counts when both it and its issue are live.
 */

/** An issue is public once published, until withdrawn. */
export const issueIsLive = and(isNotNull(newsletterIssues.publishedAt), isNull(newsletterIssues.withdrawnAt), lte(newsletterIssues.publishedAt, sql`now()`));

/** A text is public when it has a published revision, is not withdrawn, and its time has come. */
export const itemIsLive = and(
  isNotNull(contentItems.publishedRevisionId),
  isNull(contentItems.withdrawnAt),
  isNotNull(contentItems.publishedAt),
  lte(contentItems.publishedAt, sql`now()`),
);

/** A post is live on its own; an article only while its issue is live too. */
export const textAndIssueAreLive = and(itemIsLive, or(eq(contentItems.kind, "post"), and(isNotNull(contentItems.issueId), issueIsLive)));

export const issueColumns = {
  id: newsletterIssues.id,
  year: newsletterIssues.year,
  number: newsletterIssues.number,
  title: newsletterIssues.title,
  publishedAt: newsletterIssues.publishedAt,
  publicationName: publications.name,
};

/** A cover's columns as coverOf() reads them, from `media` or an alias of it. */
export function coverColumns<M extends Record<"id" | "alt" | "width" | "height" | "caption" | "credit", AnyPgColumn>>(m: M) {
  return { coverId: m.id, coverAlt: m.alt, coverWidth: m.width, coverHeight: m.height, coverCaption: m.caption, coverCredit: m.credit };
}

export const articleColumns = {
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

/**
 * When a text last changed for readers. A first publication's revision is older than its
 * publishedAt; a corrected version published later is newer, and its creation is the best date the
 * schema keeps for that change.
 */
export const textModifiedAt = sql<Date>`greatest(${contentItems.publishedAt}, ${revisions.createdAt})`.mapWith((value: string | Date) => new Date(value));
