import { boolean, date, index, pgTable, primaryKey, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
import { publications } from "./publications";
import { users } from "./users";

/** Feeds the issues' Kalendarium, the public calendar and the iCalendar feed. */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    startsOn: date({ mode: "string" }).notNull(),
    /** Null for an all-day event. */
    startTime: time(),
    endsOn: date({ mode: "string" }),
    endTime: time(),
    place: text().notNull().default(""),
    description: text().notNull().default(""),
    link: text(),
    /**
     * For a recurring event: the RFC 5545 RRULE value without DTSTART ("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301"),
     * whose first occurrence is startsOn/startTime in Europe/Stockholm. Null for a single event.
     */
    recurrence: text(),
    cancelled: boolean().notNull().default(false),
    /** Unlisted events stay in the staff calendar until they are ready to be announced. */
    listed: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_starts_on_idx").on(t.startsOn)],
);

/** In which publications' Kalendarium an event appears (the public calendar shows every listed event). */
export const eventPublications = pgTable(
  "event_publications",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.publicationId] })],
);

/**
 * One occurrence of a recurring event that differs from its rule: cancelled (shown as "Inställt",
 * STATUS:CANCELLED under its RECURRENCE-ID) or moved (the new date and times). Keyed on the date the
 * rule gave it, which is its RECURRENCE-ID for ever, however often it is moved.
 */
export const eventOccurrences = pgTable(
  "event_occurrences",
  {
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The occurrence's date by the rule (YYYY-MM-DD, Stockholm). */
    occursOn: date({ mode: "string" }).notNull(),
    cancelled: boolean().notNull().default(false),
    /** A moved occurrence: its new start and end; null where it keeps the rule's. */
    startsOn: date({ mode: "string" }),
    startTime: time(),
    endsOn: date({ mode: "string" }),
    endTime: time(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.occursOn] })],
);
