import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { eventOccurrences, eventPublications, events } from "@/db/schema";
import type { DbOrTx } from "@/db/types";

/** An event as readers see it: the shape of a Kalendarium entry (FrozenEvent). */
export const eventColumns = {
  title: events.title,
  startsOn: events.startsOn,
  startTime: events.startTime,
  endsOn: events.endsOn,
  endTime: events.endTime,
  place: events.place,
  description: events.description,
  link: events.link,
  cancelled: events.cancelled,
};

/**
 * Listed events that may have an occurrence between `from` and `to` (YYYY-MM-DD), with the changes to
 * single occurrences of the recurring ones: lib/calendar expands them. A recurring event is read
 * whenever it starts before the window ends, since only its rule knows when it stops. With
 * `publicationId`, only the events shown in that publication's Kalendarium.
 */
export async function getListedEventRows(db: DbOrTx, window: { from: string; to: string }, publicationId?: string) {
  const inWindow = or(
    and(isNull(events.recurrence), gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, window.from), lte(events.startsOn, window.to)),
    and(isNotNull(events.recurrence), lte(events.startsOn, window.to)),
  );
  const linked = publicationId
    ? inArray(events.id, db.select({ id: eventPublications.eventId }).from(eventPublications).where(eq(eventPublications.publicationId, publicationId)))
    : undefined;
  const rows = await db
    .select({ id: events.id, ...eventColumns, recurrence: events.recurrence })
    .from(events)
    .where(and(eq(events.listed, true), inWindow, linked))
    .orderBy(asc(events.startsOn), asc(events.startTime), asc(events.id))
    .limit(2000);
  return {
    events: rows,
    changes: await getOccurrenceChanges(
      db,
      rows.filter((e) => e.recurrence).map((e) => e.id),
    ),
  };
}

/** The changed occurrences (cancelled or moved) of these events. */
export async function getOccurrenceChanges(db: DbOrTx, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      eventId: eventOccurrences.eventId,
      occursOn: eventOccurrences.occursOn,
      cancelled: eventOccurrences.cancelled,
      startsOn: eventOccurrences.startsOn,
      startTime: eventOccurrences.startTime,
      endsOn: eventOccurrences.endsOn,
      endTime: eventOccurrences.endTime,
    })
    .from(eventOccurrences)
    .where(inArray(eventOccurrences.eventId, eventIds))
    .orderBy(asc(eventOccurrences.occursOn));
}
