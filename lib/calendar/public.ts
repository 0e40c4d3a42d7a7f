import { getCalendarFeedEvents } from "@/db/queries/public/feeds";
import { getListedEventRows, getOccurrenceChanges } from "@/db/queries/public/events";
import type { Db, DbOrTx } from "@/db/types";
import { addDays, stockholmDate } from "@/lib/dates";
import type { CalendarEvent } from "@/lib/calendar/ics";
import { expandEvents, occurrencesOf, type Occurrence } from "./occurrences";
import { allRuleDates } from "./recurrence";

/** How far ahead the public calendar looks: recurring events would otherwise fill it for years. */
export const PUBLIC_CALENDAR_DAYS = 366;

/** The occurrences of listed events from `today` on, soonest first; a cancelled one stays, marked. */
export async function upcomingOccurrences(db: DbOrTx, now: Date, limit: number, days = PUBLIC_CALENDAR_DAYS): Promise<Occurrence[]> {
  const window = { from: stockholmDate(now), to: stockholmDate(addDays(now, days)) };
  const { events, changes } = await getListedEventRows(db, window);
  return expandEvents(events, changes, window, limit);
}

/**
 * The events of the iCalendar feed, each once: a recurring one with its rule and its changed
 * occurrences, dropped only when its last occurrence ended before `from`.
 */
export async function calendarFeedEvents(db: Db, from: string): Promise<CalendarEvent[]> {
  const rows = await getCalendarFeedEvents(db, from);
  const changes = await getOccurrenceChanges(
    db,
    rows.filter((e) => e.recurrence).map((e) => e.id),
  );
  return rows
    .filter((event) => {
      if (!event.recurrence) return true;
      const last = allRuleDates(event.recurrence, event).at(-1) ?? event.startsOn;
      // The last occurrence, or one moved later than it, still reaches the window.
      return occurrencesOf(event, changes, { from, to: "9999-12-31" }).length > 0 || last >= from;
    })
    .map((event) => ({ ...event, changes: changes.filter((c) => c.eventId === event.id) }));
}
