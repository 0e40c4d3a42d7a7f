import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getIssue } from "@/db/queries/public/issues";
import { getPost } from "@/db/queries/public/blogs";
import { getSiteSettings } from "@/db/queries/settings";
import { contentItems, media, newsletterIssues, publications, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { absoluteUrl, paths, siteOrigin } from "@/lib/feeds/urls";
import { calendarForIssue } from "@/lib/issues/calendar";
import { colophonOf } from "@/lib/issues/colophon";
import { loadColophon, loadIssue } from "@/lib/issues/load-issue";
import { readingOrder } from "@/lib/issues/order";
import { loadEmailImages, mediaIdsOf } from "./load-media";
import type { EditionText, IssueEditionData, PostEditionData } from "./types";

/**
 * "published": what readers see, through the public queries (db/queries/public/*) the web pages use,
 * so the mail and the page cannot differ. "current": the staff preview before publishing, each
 * text's approved revision if it has one, else its current one.
 */
export type EditionRevision = "published" | "current";
export type LoadOptions = { revision: EditionRevision };

type TextRow = {
  slug: string;
  placement: "column" | "article";
  title: string;
  lead: string;
  body: EditionText["body"];
  byline: EditionText["byline"];
  coverId: string | null;
  coverAlt: string | null;
  coverCaption: string | null;
  coverCredit: string | null;
};

function editionText(row: TextRow, path: string): EditionText {
  const cover = row.coverId ? { id: row.coverId, alt: row.coverAlt ?? "", caption: row.coverCaption ?? "", credit: row.coverCredit ?? "" } : null;
  return { url: absoluteUrl(path), placement: row.placement, title: row.title, lead: row.lead, body: row.body, byline: row.byline, cover };
}

const cover = alias(media, "cover");

/** The approved revision if any, else the current one: what "current" shows of a text. */
const previewRevision = sql`coalesce(${contentItems.approvedRevisionId}, ${contentItems.currentRevisionId})`;

const previewColumns = {
  id: contentItems.id,
  slug: contentItems.slug,
  placement: contentItems.placement,
  position: contentItems.position,
  title: revisions.title,
  lead: revisions.lead,
  body: revisions.body,
  byline: revisions.byline,
  coverId: cover.id,
  coverAlt: cover.alt,
  coverCaption: cover.caption,
  coverCredit: cover.credit,
};

/** Texts in their preview revision, of an issue or one text by id. Staff-only: no "is live" filter. */
function previewTexts(db: Db, where: ReturnType<typeof eq>) {
  return db.select(previewColumns).from(contentItems).innerJoin(revisions, eq(revisions.id, previewRevision)).leftJoin(cover, eq(cover.id, revisions.coverMediaId)).where(where);
}

async function issueAddress(db: Db, issueId: string) {
  const [row] = await db.select({ year: newsletterIssues.year, number: newsletterIssues.number }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
  if (!row) throw new AppError("NOT_FOUND", "Numret finns inte.");
  return row;
}

/** Everything the e-mail of an issue shows, in the issue's reading order (column first). */
export async function loadIssueEdition(db: Db, issueId: string, options: LoadOptions): Promise<IssueEditionData> {
  const settings = await getSiteSettings(db);
  const municipalityName = settings?.municipalityName ?? "";
  const base = { origin: siteOrigin(), municipalityName };
  if (options.revision === "published") {
    const { year, number } = await issueAddress(db, issueId);
    const issue = await getIssue(db, year, number);
    // getIssue finds by year and number, as the web page does; another newsletter's issue is not this one.
    if (!issue || issue.id !== issueId) throw new AppError("NOT_FOUND", "Numret är inte publicerat.");
    const texts = issue.articles.map((a) => editionText(a, paths.article(year, number, a.slug)));
    return {
      ...base,
      publicationName: issue.publicationName,
      year,
      number,
      theme: issue.title,
      publishedAt: issue.publishedAt,
      url: absoluteUrl(paths.issue(year, number)),
      texts,
      calendar: issue.calendar,
      calendarNote: issue.calendarNote,
      colophon: colophonOf(issue, settings),
      images: await loadEmailImages(
        db,
        mediaIdsOf(
          texts.map((t) => t.body),
          texts.map((t) => t.cover?.id ?? null),
        ),
      ),
    };
  }
  const issue = await loadIssue(db, issueId);
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  const [rows, colophon, calendar] = await Promise.all([
    previewTexts(db, eq(contentItems.issueId, issueId)),
    loadColophon(db, issue.publicationId),
    // A published issue keeps the Kalendarium it went out with; before that, the window's events as
    // freezeCalendar would copy them at publishing.
    issue.frozenCalendar ? Promise.resolve(issue.frozenCalendar) : calendarForIssue(db, issue),
  ]);
  const texts = readingOrder(rows).map((row) => editionText(row, paths.article(issue.year, issue.number, row.slug)));
  return {
    ...base,
    publicationName: issue.publicationName,
    year: issue.year,
    number: issue.number,
    theme: issue.title,
    publishedAt: issue.publishedAt,
    url: absoluteUrl(paths.issue(issue.year, issue.number)),
    texts,
    calendar,
    calendarNote: issue.calendarNote,
    colophon,
    images: await loadEmailImages(
      db,
      mediaIdsOf(
        texts.map((t) => t.body),
        texts.map((t) => t.cover?.id ?? null),
      ),
    ),
  };
}

/** Everything the e-mail of one blog post shows. */
export async function loadPostEdition(db: Db, itemId: string, options: LoadOptions): Promise<PostEditionData> {
  const [item] = await db
    .select({ slug: contentItems.slug, kind: contentItems.kind, publishedAt: contentItems.publishedAt, blogSlug: publications.slug, blogName: publications.name })
    .from(contentItems)
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(eq(contentItems.id, itemId), eq(publications.kind, "blog")));
  if (!item || item.kind !== "post") throw new AppError("NOT_FOUND", "Inlägget finns inte.");
  const settings = await getSiteSettings(db);
  const path = paths.post(item.blogSlug, item.slug);
  let row: TextRow & { publishedAt?: Date | null };
  if (options.revision === "published") {
    const post = await getPost(db, item.blogSlug, item.slug);
    if (!post || post.id !== itemId) throw new AppError("NOT_FOUND", "Inlägget är inte publicerat.");
    row = post;
  } else {
    const [preview] = await previewTexts(db, eq(contentItems.id, itemId));
    if (!preview) throw new AppError("NOT_FOUND", "Inlägget har ingen version att visa.");
    row = preview;
  }
  const post = editionText(row, path);
  return {
    origin: siteOrigin(),
    municipalityName: settings?.municipalityName ?? "",
    blogName: item.blogName,
    publishedAt: item.publishedAt,
    post,
    images: await loadEmailImages(db, mediaIdsOf([post.body], [post.cover?.id ?? null])),
  };
}
