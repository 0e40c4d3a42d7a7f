import type { JSONContent } from "@tiptap/core";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { contentItems, corrections, media, revisions } from "@/db/schema";
import { coverColumns } from "@/db/queries/public/live";
import type { Db } from "@/db/types";
import { calendarForIssue } from "./calendar";
import { loadColophon, loadIssue } from "./load-issue";
import { readingOrder } from "./order";

const EMPTY_DOC: JSONContent = { type: "doc", content: [] };
const cover = alias(media, "cover");

/**
 * Staff-only: every article of the issue in its current revision, whatever its state. This is what
 * publishing the issue now would put live (publishApprovedIssue publishes the current revisions), so
 * there is deliberately no "is live" filter here; only /redaktion pages may import this module.
 */
async function previewArticles(db: Db, issueId: string) {
  const rows = await db
    .select({
      id: contentItems.id,
      slug: contentItems.slug,
      placement: contentItems.placement,
      position: contentItems.position,
      status: contentItems.status,
      currentRevisionId: contentItems.currentRevisionId,
      publishedRevisionId: contentItems.publishedRevisionId,
      title: revisions.title,
      lead: revisions.lead,
      body: revisions.body,
      byline: revisions.byline,
      tags: revisions.tags,
      ...coverColumns(cover),
    })
    .from(contentItems)
    .leftJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .leftJoin(cover, eq(cover.id, revisions.coverMediaId))
    .where(eq(contentItems.issueId, issueId));
  // A text is created with its first revision; the defaults only keep a broken row from breaking the page.
  return readingOrder(rows).map((row) => ({
    ...row,
    title: row.title ?? "",
    lead: row.lead ?? "",
    body: row.body ?? EMPTY_DOC,
    byline: row.byline ?? [],
    tags: row.tags ?? [],
  }));
}

/**
 * Every Rättelse of the articles, oldest first. Publishing now would put each article's current
 * revision live, which is never older than a correction's revision, so none is held back here
 * (unlike getCorrections, which hides those tied to a version not yet out).
 */
async function previewCorrections(db: Db, itemIds: string[]) {
  const byItem = new Map<string, { id: string; text: string; createdAt: Date }[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .select({ id: corrections.id, itemId: corrections.itemId, text: corrections.text, createdAt: corrections.createdAt })
    .from(corrections)
    .where(inArray(corrections.itemId, itemIds))
    .orderBy(asc(corrections.createdAt), asc(corrections.id));
  for (const { itemId, ...correction } of rows) byItem.set(itemId, [...(byItem.get(itemId) ?? []), correction]);
  return byItem;
}

/**
 * The whole issue as it would look if published now, for /redaktion/nummer/[id]/forhandsgranska:
 * the articles in their current revisions, the Kalendarium publishing would freeze (or the frozen one
 * of a published issue, as the issue page shows it) and the colophon readers get. Null: no such issue.
 */
export async function loadIssuePreview(db: Db, issueId: string) {
  const issue = await loadIssue(db, issueId);
  if (!issue) return null;
  const articles = await previewArticles(db, issueId);
  const [colophon, calendar, articleCorrections] = await Promise.all([
    loadColophon(db, issue.publicationId),
    issue.frozenCalendar && issue.status === "published" ? Promise.resolve(issue.frozenCalendar) : calendarForIssue(db, issue),
    previewCorrections(
      db,
      articles.map((a) => a.id),
    ),
  ]);
  return { issue, articles, colophon, calendar, corrections: articleCorrections };
}

export type IssuePreview = NonNullable<Awaited<ReturnType<typeof loadIssuePreview>>>;
