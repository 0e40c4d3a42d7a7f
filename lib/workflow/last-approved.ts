import { and, desc, eq, sql } from "drizzle-orm";
import { auditLog, revisions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/**
 * The revision a text was last approved in, even if a later edit voided that approval: the reviewer
 * compares against it. The audit log is the record of approvals, so it is read from there.
 */
export async function lastApprovedRevision(db: DbOrTx, itemId: string) {
  const [entry] = await db
    .select({ revisionId: sql<string | null>`${auditLog.details} ->> 'revisionId'` })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "item"), eq(auditLog.entityId, itemId), eq(auditLog.action, "item.approved")))
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!entry?.revisionId) return null;
  const [revision] = await db.select().from(revisions).where(eq(revisions.id, entry.revisionId));
  return revision ?? null;
}
