import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { eventPublications, events, publications } from "@/db/schema";
import type { Db } from "@/db/types";
import { eventColumns, getOccurrenceChanges } from "@/db/queries/public/events";

/** Reads for /redaktion/kalender. Callers have already checked calendar.manage. */

const staffColumns = {
  id: events.id,
  ...eventColumns,
  listed: events.listed,
  recurrence: events.recurrence,
};

const lastDay = sql`coalesce(${events.endsOn}, ${events.startsOn})`;

/**
 * Upcoming events (not yet over, recurring ones whose series may still run) soonest first; or, with
 * `past`, those over, latest first. A series' end is its rule's: the page decides from it.
 */
export async function listStaffEvents(db: Db, today: string, past: boolean, limit = 500) {
  const upcoming = or(isNotNull(events.recurrence), gte(lastDay, today));
  return db
    .select(staffColumns)
    .from(events)
    .where(past ? or(isNotNull(events.recurrence), lt(lastDay, today)) : upcoming)
    .orderBy(past ? desc(events.startsOn) : asc(events.startsOn), asc(events.startTime), asc(events.title))
    .limit(limit);
}

export async function loadStaffEvent(db: Db, id: string) {
  const [event] = await db.select(staffColumns).from(events).where(eq(events.id, id));
  if (!event) return null;
  const [linked, changes] = await Promise.all([
    db.select({ publicationId: eventPublications.publicationId }).from(eventPublications).where(eq(eventPublications.eventId, id)),
    getOccurrenceChanges(db, [id]),
  ]);
  return { ...event, publicationIds: linked.map((l) => l.publicationId), changes };
}

/** The newsletters an event can be shown in: not archived, or already chosen for it. */
export async function calendarPublications(db: Db, chosen: readonly string[] = []) {
  return db
    .select({ id: publications.id, name: publications.name })
    .from(publications)
    .where(
      and(eq(publications.kind, "newsletter"), chosen.length > 0 ? or(isNull(publications.archivedAt), inArray(publications.id, [...chosen])) : isNull(publications.archivedAt)),
    )
    .orderBy(asc(publications.name), desc(publications.createdAt));
}
