import { and, asc, desc, eq, ilike, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { auditLog, contentItems, newsletterIssues, revisions, users } from "@/db/schema";
import type { Db } from "@/db/types";

/**
 * Reads of the audit log for /redaktion/logg. Callers have checked "audit.read". The log is
 * append-only (a trigger refuses UPDATE and DELETE), so this module only ever selects.
 */

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  actorId?: string;
  action?: string;
  /** Only entries about this text (entity type "item"). */
  itemId?: string;
  /** Free text: the text's current title, the summary, or an issue as "10 2018" / "2018/10". */
  query?: string;
  /** Calendar dates "YYYY-MM-DD" in Stockholm, both inclusive. */
  from?: string;
  to?: string;
  /** 1-based. */
  page?: number;
};

/** Escapes LIKE wildcards so that a search for "50%" means the characters, not a pattern. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The entity id is text (it may name a user, a setting or a subscriber), so the join compares as text.
const itemJoin = and(eq(auditLog.entityType, "item"), eq(auditLog.entityId, sql`${contentItems.id}::text`));
const issueJoin = and(eq(auditLog.entityType, "issue"), eq(auditLog.entityId, sql`${newsletterIssues.id}::text`));

function conditions(filters: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.actorId) where.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.itemId) where.push(and(eq(auditLog.entityType, "item"), eq(auditLog.entityId, filters.itemId))!);
  // Day boundaries are Stockholm midnights, whatever the server's or the database's time zone.
  if (filters.from) where.push(sql`${auditLog.at} >= (${filters.from}::date)::timestamp at time zone 'Europe/Stockholm'`);
  if (filters.to) where.push(sql`${auditLog.at} < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`);
  const query = filters.query?.trim();
  if (query) {
    const pattern = likePattern(query);
    where.push(
      or(
        ilike(auditLog.summary, pattern),
        ilike(revisions.title, pattern),
        ilike(sql`${newsletterIssues.number} || ' ' || ${newsletterIssues.year}`, pattern),
        ilike(sql`${newsletterIssues.year} || '/' || ${newsletterIssues.number}`, pattern),
        eq(auditLog.entityId, query),
      )!,
    );
  }
  return where;
}

/** One page of the log, newest first; `hasNext` says whether an older page exists. */
export async function listAuditEntries(db: Db, filters: AuditFilters) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      summary: auditLog.summary,
      itemTitle: revisions.title,
      issueYear: newsletterIssues.year,
      issueNumber: newsletterIssues.number,
    })
    .from(auditLog)
    .leftJoin(contentItems, itemJoin)
    .leftJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
    .leftJoin(newsletterIssues, issueJoin)
    .where(and(...conditions(filters)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), page, hasNext: rows.length > AUDIT_PAGE_SIZE };
}

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>["rows"][number];

/** The people who appear in the log, for the "Person" filter; removed users have no id left to filter by. */
export function listAuditActors(db: Db) {
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(isNotNull(auditLog.actorId))
    .orderBy(asc(users.name), asc(users.id));
}

/** The distinct action codes present, for the "Åtgärd" filter. */
export async function listAuditActions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}
