import { boolean, date, index, pgTable, text, time, timestamp, uuid } from "drizzle-orm/pg-core";
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
    cancelled: boolean().notNull().default(false),
    /** Unlisted events stay in the staff calendar until they are ready to be announced. */
    listed: boolean().notNull().default(true),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_starts_on_idx").on(t.startsOn)],
);
