import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getColophonPeople } from "@/db/queries/public/colophon";
import { getSiteSettings } from "@/db/queries/settings";
import { contentItems, newsletterIssues, publications, revisions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isMovable } from "@/lib/issues/place-text";
import { colophonOf, type ColophonData, type ColophonPeople } from "./colophon";
import { readingOrder } from "./order";

/** The newsletters (publications made of issues), for the issue pages; archived ones last. */
export function listNewsletters(db: DbOrTx) {
  return db
    .select({ id: publications.id, name: publications.name, archivedAt: publications.archivedAt })
    .from(publications)
    .where(eq(publications.kind, "newsletter"))
    .orderBy(sql`${publications.archivedAt} is not null`, asc(publications.name));
}

/** Issues of the given newsletters, newest first, with how many articles each holds. */
export async function listIssues(db: DbOrTx, publicationIds: string[]) {
  if (publicationIds.length === 0) return [];
  const rows = await db
    .select({
      id: newsletterIssues.id,
      publicationId: newsletterIssues.publicationId,
      year: newsletterIssues.year,
      number: newsletterIssues.number,
      title: newsletterIssues.title,
      status: newsletterIssues.status,
      publishedAt: newsletterIssues.publishedAt,
      articleCount: count(contentItems.id),
    })
    .from(newsletterIssues)
    .leftJoin(contentItems, eq(contentItems.issueId, newsletterIssues.id))
    .where(inArray(newsletterIssues.publicationId, publicationIds))
    .groupBy(newsletterIssues.id)
    .orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));
  return rows;
}

export type IssueArticle = {
  id: string;
  title: string;
  status: (typeof contentItems.$inferSelect)["status"];
  placement: "column" | "article";
  position: number;
  /** The names printed in the byline of the current revision. */
  authors: string[];
  /** Never published: "Ta ur numret" and "Flytta till nummer …" may move it. */
  movable: boolean;
};

/**
 * An issue as the staff pages need it: everything a workflow panel needs (id, status, version and
 * the approval fields), the metadata form's values, and the articles in reading order (column first).
 */
export async function loadIssue(db: DbOrTx, id: string) {
  const [issue] = await db
    .select({
      id: newsletterIssues.id,
      publicationId: newsletterIssues.publicationId,
      publicationName: publications.name,
      year: newsletterIssues.year,
      number: newsletterIssues.number,
      title: newsletterIssues.title,
      calendarFrom: newsletterIssues.calendarFrom,
      calendarTo: newsletterIssues.calendarTo,
      calendarNote: newsletterIssues.calendarNote,
      frozenCalendar: newsletterIssues.frozenCalendar,
      status: newsletterIssues.status,
      version: newsletterIssues.version,
      submittedAt: newsletterIssues.submittedAt,
      approvedAt: newsletterIssues.approvedAt,
      scheduledAt: newsletterIssues.scheduledAt,
      publishedAt: newsletterIssues.publishedAt,
      withdrawnAt: newsletterIssues.withdrawnAt,
      updatedAt: newsletterIssues.updatedAt,
    })
    .from(newsletterIssues)
    .innerJoin(publications, eq(publications.id, newsletterIssues.publicationId))
    .where(eq(newsletterIssues.id, id));
  if (!issue) return null;
  const rows = await db
    .select({
      id: contentItems.id,
      status: contentItems.status,
      placement: contentItems.placement,
      position: contentItems.position,
      publishedAt: contentItems.publishedAt,
      publishedRevisionId: contentItems.publishedRevisionId,
      title: revisions.title,
      byline: revisions.byline,
    })
    .from(contentItems)
    .leftJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .where(eq(contentItems.issueId, id));
  const articles: IssueArticle[] = readingOrder(rows).map((row) => ({
    id: row.id,
    title: row.title ?? "",
    status: row.status,
    placement: row.placement,
    position: row.position,
    authors: (row.byline ?? []).map((b) => b.name).filter(Boolean),
    movable: isMovable(row),
  }));
  return { ...issue, articles };
}

export type LoadedIssue = NonNullable<Awaited<ReturnType<typeof loadIssue>>>;

const NO_PEOPLE: ColophonPeople = { publisherName: null, publisherTitle: null, publisherEmail: null, editorLabel: null, editorName: null, editorEmail: null };

/** The colophon as readers will see it: the publication's utgivare and redaktör and the site settings. */
export async function loadColophon(db: DbOrTx, publicationId: string): Promise<ColophonData> {
  const people = await getColophonPeople(db, publicationId);
  const settings = await getSiteSettings(db);
  return colophonOf(people ?? NO_PEOPLE, settings);
}
