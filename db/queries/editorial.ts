import { and, desc, eq, exists, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import { contentItems, itemAuthors, newsletterIssues, publications, revisions, users, type WorkflowStatus } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";

/** Reads for /redaktion. Callers have already checked that the user may see the staff area. */

const textColumns = {
  id: contentItems.id,
  kind: contentItems.kind,
  status: contentItems.status,
  updatedAt: contentItems.updatedAt,
  title: revisions.title,
  publicationName: publications.name,
  issueYear: newsletterIssues.year,
  issueNumber: newsletterIssues.number,
};

function textsQuery(db: Db, where: SQL | undefined) {
  return db
    .select(textColumns)
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .leftJoin(newsletterIssues, eq(newsletterIssues.id, contentItems.issueId))
    .where(where)
    .orderBy(desc(contentItems.updatedAt))
    .limit(200);
}

export function listTextsByStatus(db: Db, statuses: WorkflowStatus[]) {
  return textsQuery(db, inArray(contentItems.status, statuses));
}

/** The accounts for "Användare": `invited` while no password has been chosen (the hash itself never leaves). */
const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  jobTitle: users.jobTitle,
  role: users.role,
  active: users.active,
  slug: users.slug,
  invited: sql<boolean>`${users.passwordHash} is null`,
};

export function listUsers(db: Db) {
  return db.select(accountColumns).from(users).orderBy(users.name, users.id);
}

export async function getAccount(db: Db, id: string) {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export function listRevisions(db: Db, itemId: string) {
  return db
    .select({ id: revisions.id, number: revisions.number, createdAt: revisions.createdAt, title: revisions.title, authorName: users.name })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.createdBy))
    .where(eq(revisions.itemId, itemId))
    .orderBy(desc(revisions.number))
    .limit(500);
}

export async function getRevisions(db: Db, itemId: string, ids: string[]) {
  return db
    .select()
    .from(revisions)
    .where(and(eq(revisions.itemId, itemId), inArray(revisions.id, ids)));
}

/** Said in the option, since a new article there goes past a decision already taken on the issue. */
const LOCKED_ISSUE_NOTE: Partial<Record<WorkflowStatus, string>> = {
  in_review: " (granskas)",
  approved: " (godkänt – en ny artikel upphäver godkännandet)",
  scheduled: " (schemalagt – en ny artikel upphäver godkännandet och schemat)",
  withdrawn: " (avpublicerat)",
};

/**
 * Where a new text may go: every blog, and the newsletter issues in `issueStatuses` (those the actor
 * may place in: lib/editorial/placement's listPlacements asks placeableIssueStatuses). Issues past
 * the writers' stage come last, so the preselected option never undoes a decision.
 */
export async function listPlacementOptions(db: Db, issueStatuses: readonly WorkflowStatus[], { unplaced = false }: { unplaced?: boolean } = {}) {
  // An archived publication takes nothing new (lib/publications/archived).
  const pubs = await db.select().from(publications).where(isNull(publications.archivedAt)).orderBy(publications.name);
  const issues = await db
    .select({
      id: newsletterIssues.id,
      publicationId: newsletterIssues.publicationId,
      year: newsletterIssues.year,
      number: newsletterIssues.number,
      status: newsletterIssues.status,
    })
    .from(newsletterIssues)
    .where(inArray(newsletterIssues.status, [...issueStatuses]))
    .orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));
  const options = pubs.flatMap((pub) =>
    pub.kind === "blog"
      ? [{ value: pub.id, label: `Blogginlägg i ${pub.name}`, note: undefined }]
      : [
          ...issues
            .filter((issue) => issue.publicationId === pub.id)
            .map((issue) => ({ value: `${pub.id}:${issue.id}`, label: `Artikel i ${pub.name}, nummer ${issue.number} ${issue.year}`, note: LOCKED_ISSUE_NOTE[issue.status] })),
          // Where a text taken out of an issue waits: offered when moving a text, not for a new one.
          ...(unplaced ? [{ value: pub.id, label: `Artikel i ${pub.name}, utan nummer`, note: undefined }] : []),
        ],
  );
  return [...options.filter((o) => !o.note), ...options.filter((o) => o.note)].map((o) => ({ value: o.value, label: o.label + (o.note ?? "") }));
}

export type TextFilters = { status?: string; statuses?: readonly WorkflowStatus[]; publicationId?: string; authorId?: string };

/** "Mina texter" and its filters. The author filter is forced to the user for writers who edit only their own. */
export function listTexts(db: Db, filters: TextFilters) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(contentItems.status, filters.status as WorkflowStatus));
  if (filters.statuses) conditions.push(inArray(contentItems.status, [...filters.statuses]));
  if (filters.publicationId) conditions.push(eq(contentItems.publicationId, filters.publicationId));
  if (filters.authorId) {
    const authorId = filters.authorId;
    conditions.push(
      or(
        eq(contentItems.createdBy, authorId),
        exists(
          db
            .select()
            .from(itemAuthors)
            .where(and(eq(itemAuthors.itemId, contentItems.id), eq(itemAuthors.userId, authorId))),
        ),
      )!,
    );
  }
  return textsQuery(db, conditions.length ? and(...conditions) : undefined);
}

export function listPublications(db: Db) {
  return db.select({ id: publications.id, name: publications.name }).from(publications).orderBy(publications.name);
}

/** "Flytta till nummer …": the newsletter's other issues in `issueStatuses`, those the actor may add an article to (placeableIssueStatuses). */
export async function listOtherIssues(db: Db, issueStatuses: readonly WorkflowStatus[], issue: { id: string; publicationId: string }) {
  const rows = await db
    .select({ id: newsletterIssues.id, year: newsletterIssues.year, number: newsletterIssues.number, status: newsletterIssues.status })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.publicationId, issue.publicationId), ne(newsletterIssues.id, issue.id), inArray(newsletterIssues.status, [...issueStatuses])))
    .orderBy(desc(newsletterIssues.year), desc(newsletterIssues.number));
  return rows.map((row) => ({ id: row.id, label: `Nummer ${row.number} ${row.year}${LOCKED_ISSUE_NOTE[row.status] ?? ""}` }));
}

/**
 * "Lägg till befintlig text": never-published texts that are in no issue (articles taken out of one,
 * unplaced articles, blog posts not yet out), newest first.
 */
export async function listTextsWithoutIssue(db: Db) {
  const rows = await db
    .select({ id: contentItems.id, kind: contentItems.kind, title: revisions.title, publicationName: publications.name, byline: revisions.byline })
    .from(contentItems)
    .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .innerJoin(publications, eq(publications.id, contentItems.publicationId))
    .where(and(isNull(contentItems.issueId), isNull(contentItems.publishedAt), isNull(contentItems.publishedRevisionId)))
    .orderBy(desc(contentItems.updatedAt))
    .limit(200);
  return rows.map((row) => {
    const where = row.kind === "post" ? `blogginlägg i ${row.publicationName}` : `utan nummer i ${row.publicationName}`;
    const authors = row.byline
      .map((b) => b.name)
      .filter(Boolean)
      .join(", ");
    return { id: row.id, label: `${row.title || "(utan rubrik)"} – ${where}${authors ? `, ${authors}` : ""}` };
  });
}

/**
 * A text as the services load it: the item row (locked for update when asked), its authors and its
 * current revision (null if it has none, which a saved text always has). Null when there is no such
 * text. lib/editorial/load-text's loadText turns the two misses into the user's errors.
 */
export async function findText(tx: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(contentItems).where(eq(contentItems.id, id)).limit(1);
  const [item] = options.forUpdate ? await query.for("update") : await query;
  if (!item) return null;
  const authors = await tx.select({ userId: itemAuthors.userId }).from(itemAuthors).where(eq(itemAuthors.itemId, id));
  const [current] = item.currentRevisionId ? await tx.select().from(revisions).where(eq(revisions.id, item.currentRevisionId)).limit(1) : [];
  return { item, current: current ?? null, owned: { authorIds: authors.map((a) => a.userId), createdBy: item.createdBy } };
}

/** A staff member's name, or null for no id or no such account. */
export async function getUserName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/** A publication's row, or undefined. */
export async function getPublication(db: Db, id: string) {
  const [pub] = await db.select().from(publications).where(eq(publications.id, id));
  return pub;
}

/** A revision's row, or undefined. */
export async function getRevision(db: Db, id: string) {
  const [revision] = await db.select().from(revisions).where(eq(revisions.id, id));
  return revision;
}
