import { eq } from "drizzle-orm";
import { getListedEventRows } from "@/db/queries/public/events";
import { newsletterIssues, type FrozenEvent } from "@/db/schema";
import type { DbOrTx, Tx } from "@/db/types";
import { expandEvents, toFrozen } from "@/lib/calendar/occurrences";
import { AppError } from "@/lib/errors";

/** More than any issue's Kalendarium holds: a weekly event over a long window is still bounded. */
const MAX_ENTRIES = 500;

type IssueWindow = { publicationId: string; calendarFrom: string | null; calendarTo: string | null };

/**
 * The Kalendarium of an issue: the occurrences starting inside its window of the listed events shown
 * in its newsletter (event_publications), recurring ones expanded, in date order (all-day events
 * before timed ones on the same day). Unlisted events are not announced yet, so they stay out. An
 * issue without a window has no Kalendarium.
 */
export async function calendarForIssue(db: DbOrTx, issue: IssueWindow): Promise<FrozenEvent[]> {
  if (!issue.calendarFrom || !issue.calendarTo) return [];
  const window = { from: issue.calendarFrom, to: issue.calendarTo };
  const { events, changes } = await getListedEventRows(db, window, issue.publicationId);
  return expandEvents(events, changes, window, MAX_ENTRIES)
    .filter((o) => o.startsOn >= window.from && o.startsOn <= window.to)
    .map(toFrozen);
}

/**
 * Copies the issue's Kalendarium into the issue as it is now: a published issue keeps the events it
 * was sent with, even when an event is later moved or cancelled. Called when the issue is published.
 */
export async function freezeCalendar(tx: Tx, issueId: string): Promise<FrozenEvent[]> {
  const [issue] = await tx
    .select({ publicationId: newsletterIssues.publicationId, calendarFrom: newsletterIssues.calendarFrom, calendarTo: newsletterIssues.calendarTo })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.id, issueId));
  if (!issue) throw new AppError("NOT_FOUND", "Numret finns inte.");
  const frozen = await calendarForIssue(tx, issue);
  await tx.update(newsletterIssues).set({ frozenCalendar: frozen }).where(eq(newsletterIssues.id, issueId));
  return frozen;
}
