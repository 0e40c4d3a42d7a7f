import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { eventColumns } from "@/db/queries/public";
import { events, newsletterIssues, type FrozenEvent } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { AppError } from "@/lib/errors";

/**
 * The Kalendarium of an issue: listed events starting inside its window, in date order (all-day
 * events before timed ones on the same day). Unlisted events are not announced yet, so they stay out.
 * An issue without a window has no Kalendarium.
 */
export async function calendarForIssue(db: DbOrTx, issue: { calendarFrom: string | null; calendarTo: string | null }): Promise<FrozenEvent[]> {
  if (!issue.calendarFrom || !issue.calendarTo) return [];
  return db
    .select(eventColumns)
    .from(events)
    .where(and(eq(events.listed, true), gte(events.startsOn, issue.calendarFrom), lte(events.startsOn, issue.calendarTo)))
    .orderBy(asc(events.startsOn), sql`${events.startTime} asc nulls first`, asc(events.title));
}

/**
 * Copies the issue's Kalendarium into the issue as it is now: a published issue keeps the events it
 * was sent with, even when an event is later moved or cancelled. Called when the issue is published.
 */
export async function freezeCalendar(tx: Tx, issueId: string): Promise<FrozenEvent[]> {
  const [issue] = await tx
    .select({ calendarFrom: newsletterIssues.calendarFrom, calendarTo: newsletterIssues.calendarTo })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  const frozen = await calendarForIssue(tx, issue);
  await tx.update(newsletterIssues).set({ frozenCalendar: frozen }).where(eq(newsletterIssues.id, issueId));
  return frozen;
}
