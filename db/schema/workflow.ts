import { sql } from "drizzle-orm";
import { type AnyPgColumn, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contentItems, revisions } from "./content";
import { newsletterIssues } from "./publications";
import { users } from "./users";

/** A review comment on a text or a whole issue, optionally anchored to a passage; threads by parentId. */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid().references(() => contentItems.id, { onDelete: "cascade" }),
    issueId: uuid().references(() => newsletterIssues.id, { onDelete: "cascade" }),
    revisionId: uuid().references(() => revisions.id, { onDelete: "set null" }),
    parentId: uuid().references((): AnyPgColumn => reviewComments.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    /** ProseMirror positions in `revisionId` and the quoted passage, to re-find it after edits. */
    anchorFrom: integer(),
    anchorTo: integer(),
    anchorText: text(),
    resolved: boolean().notNull().default(false),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("review_comments_target", sql`(${t.itemId} is null) <> (${t.issueId} is null)`), index("review_comments_item_idx").on(t.itemId)],
);

/**
 * Append-only record of who did what. A database trigger (migration 0001) refuses UPDATE and DELETE,
 * so not even a bug in the app can rewrite history.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for the system (scheduled jobs, seeding). */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** The actor's name and role at the time, kept even if the user is later renamed or removed. */
    actorLabel: text().notNull(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    summary: text().notNull().default(""),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_at_idx").on(t.at)],
);
