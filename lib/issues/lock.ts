import { asc, eq, sql } from "drizzle-orm";
import { contentItems, newsletterIssues } from "@/db/schema";
import type { Tx } from "@/db/types";
import type { AuditActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { voidIssueApproval } from "@/lib/workflow/void-approval";
import { readingOrder } from "./order";

export const STALE_ISSUE_MESSAGE = "Numret har ändrats sedan du öppnade det. Ladda om sidan.";
export const PUBLISHED_ISSUE_MESSAGE = "Numret är publicerat och kan inte ändras. Avpublicera det först om något måste rättas.";

/**
 * Locks the issue row for the rest of the transaction and checks the version the writer read: every
 * change to an issue goes through here, so two editors never interleave and a stale form is refused.
 * A published issue's composition is what readers see and is never changed in place.
 */
export async function lockIssueForChange(tx: Tx, issueId: string, baseVersion: number | null) {
  const [issue] = await tx.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId)).for("update");
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  // null: the writer did not see this issue (a text moved from its own page), so there is no stale view to refuse.
  if (baseVersion !== null && issue.version !== baseVersion) throw new AppError("CONFLICT", STALE_ISSUE_MESSAGE);
  if (issue.status === "published") throw new AppError("INVALID_TRANSITION", PUBLISHED_ISSUE_MESSAGE);
  return issue;
}

/** Ends every change: voids an approval the change invalidates, then moves the version on. */
export async function finishIssueChange(tx: Tx, issueId: string, actor: AuditActor, reason: string): Promise<number> {
  await voidIssueApproval(tx, issueId, actor, reason);
  const [row] = await tx
    .update(newsletterIssues)
    .set({ version: sql`${newsletterIssues.version} + 1`, updatedAt: new Date() })
    .where(eq(newsletterIssues.id, issueId))
    .returning({ version: newsletterIssues.version });
  return row!.version;
}

/** The issue's articles in reading order (column first), as stored. */
export async function issueArticles(tx: Tx, issueId: string) {
  const rows = await tx
    .select({ id: contentItems.id, placement: contentItems.placement, position: contentItems.position })
    .from(contentItems)
    .where(eq(contentItems.issueId, issueId))
    .orderBy(asc(contentItems.position));
  return readingOrder(rows);
}

/** Writes positions 0..n-1 in the given order, touching only the rows whose position changes. */
export async function writePositions(tx: Tx, ordered: readonly { id: string; position: number }[]): Promise<void> {
  for (const [position, item] of ordered.entries()) {
    if (item.position !== position) await tx.update(contentItems).set({ position }).where(eq(contentItems.id, item.id));
  }
}

/** Postgres' unique_violation on the issue number, whether raw or wrapped by Drizzle. */
export function isIssueNumberTaken(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === "23505" && (!constraint || constraint === "newsletter_issues_number_unique")) return true;
  }
  return false;
}

export const numberTakenMessage = (number: number, year: number) => `Nummer ${number} ${year} finns redan.`;
