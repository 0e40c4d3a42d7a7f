import { date, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { WORKFLOW_STATUSES } from "./values";

export const publicationKindEnum = pgEnum("publication_kind", ["newsletter", "blog"]);

export const workflowStatusEnum = pgEnum("workflow_status", WORKFLOW_STATUSES);

export const publications = pgTable("publications", {
  id: uuid().primaryKey().defaultRandom(),
  kind: publicationKindEnum().notNull(),
  /** URL segment: /blogg/<slug>; the newsletter lives at /nyhetsbrev. */
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  /** Ansvarig utgivare shown in the colophon. */
  responsiblePublisherId: uuid().references(() => users.id, { onDelete: "set null" }),
  editorId: uuid().references(() => users.id, { onDelete: "set null" }),
  /** "Redaktör" or "Tf redaktör". */
  editorLabel: text().notNull().default("Redaktör"),
  /** An archived publication's texts stay readable; nothing new can be written in it. */
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A frozen Kalendarium entry: a copy of the event as it was when the issue was published. */
export type FrozenEvent = {
  title: string;
  startsOn: string;
  startTime: string | null;
  endsOn: string | null;
  endTime: string | null;
  place: string;
  description: string;
  link: string | null;
  cancelled: boolean;
};

/** A newsletter edition: "Nummer 10 2018". */
export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    id: uuid().primaryKey().defaultRandom(),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "restrict" }),
    year: integer().notNull(),
    number: integer().notNull(),
    /** Optional theme shown under "Nummer 10 2018". */
    title: text().notNull().default(""),
    /** The Kalendarium shows the events starting inside this window. */
    calendarFrom: date({ mode: "string" }),
    calendarTo: date({ mode: "string" }),
    calendarNote: text().notNull().default("Med reservation för eventuella ändringar"),
    frozenCalendar: jsonb().$type<FrozenEvent[]>(),
    status: workflowStatusEnum().notNull().default("draft"),
    approvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    /** Hash over the issue's article revisions at approval: any change afterwards voids the approval. */
    approvedContentHash: text(),
    scheduledAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    /** Incremented on every change; writes carry the version they read (optimistic locking). */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("newsletter_issues_number_unique").on(t.publicationId, t.year, t.number)],
);
