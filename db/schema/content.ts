import type { JSONContent } from "@tiptap/core";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { media } from "./media";
import { newsletterIssues, publications, workflowStatusEnum } from "./publications";
import { users } from "./users";

/** PostgreSQL's text-search document; the app never reads it, only matches and ranks with it in SQL. */
const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const itemKindEnum = pgEnum("item_kind", ["article", "post"]);
/** Where an article sits in its issue: the chief's column opens it, articles follow. */
export const placementEnum = pgEnum("placement", ["column", "article"]);

/** A writing-help warning the writer chose to keep, with the reason (required before review). */
export type WarningOverride = { key: string; reason: string; userId: string; userName: string; at: string };

/** A byline entry as it is printed under the text. */
export type Byline = { userId: string | null; name: string; title: string };

/**
 * An article (in a newsletter issue) or a post (in a blog). The row carries the workflow; every
 * version of the words is a revision, and readers only ever see `publishedRevisionId`.
 */
export const contentItems = pgTable(
  "content_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: itemKindEnum().notNull(),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "restrict" }),
    issueId: uuid().references(() => newsletterIssues.id, { onDelete: "set null" }),
    placement: placementEnum().notNull().default("article"),
    position: integer().notNull().default(0),
    slug: text().notNull(),
    status: workflowStatusEnum().notNull().default("draft"),
    currentRevisionId: uuid().references((): AnyPgColumn => revisions.id),
    publishedRevisionId: uuid().references((): AnyPgColumn => revisions.id),
    approvedRevisionId: uuid().references((): AnyPgColumn => revisions.id),
    approvedContentHash: text(),
    approvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: timestamp({ withTimezone: true }),
    scheduledAt: timestamp({ withTimezone: true }),
    /** Who sent the text for review last, and when: the review queue shows it. */
    submittedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp({ withTimezone: true }),
    /** First publication; shown as the date of the text. */
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    warningOverrides: jsonb().$type<WarningOverride[]>().notNull().default([]),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("content_items_slug_unique").on(t.publicationId, t.issueId, t.slug).nullsNotDistinct(),
    index("content_items_status_idx").on(t.status, t.publishedAt),
    index("content_items_issue_idx").on(t.issueId, t.position),
  ],
);

export const revisions = pgTable(
  "revisions",
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    /** 1, 2, 3 … per item: "version 3" in the audit log and the history panel. */
    number: integer().notNull(),
    title: text().notNull().default(""),
    lead: text().notNull().default(""),
    /**
     * What search results and link previews show ("Beskrivning"). Null means none was written and
     * the lead stands in (lib/content/description.ts); never an empty string.
     */
    description: text(),
    body: jsonb().$type<JSONContent>().notNull(),
    coverMediaId: uuid().references(() => media.id, { onDelete: "set null" }),
    tags: text().array().notNull().default([]),
    byline: jsonb().$type<Byline[]>().notNull().default([]),
    /** SHA-256 over the canonical content: approval is bound to it. */
    contentHash: text().notNull(),
    /**
     * The body as plain text (`plainText` of lib/content/text.ts), written with the revision: SQL
     * cannot walk Tiptap JSON the way the renderer does, and search snippets are cut from it.
     */
    searchText: text().notNull().default(""),
    /**
     * Search document, weighted title A, lead B, body C. Generated, so it can never disagree with the
     * words; `swedish` stems, so "skolor" matches "skolan".
     */
    searchVector: tsvector()
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('swedish'::regconfig, "title"), 'A') || setweight(to_tsvector('swedish'::regconfig, "lead"), 'B') || setweight(to_tsvector('swedish'::regconfig, "search_text"), 'C')`,
      ),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("revisions_number_unique").on(t.itemId, t.number)],
);

/**
 * What readers can find: one narrow row per public text (published, not withdrawn, and for an
 * article, its issue published and not withdrawn), with a copy of its published revision's search
 * vector. Kept by database triggers on content_items and newsletter_issues (migration 0006), so no
 * code path that publishes or withdraws can forget it. Searching `revisions` instead visits a wide
 * row (body, plain text, vector) per match: seconds for a common word at 100,000 texts.
 * `visibleFrom` is when the text and its issue are both out; the query still compares it with now().
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    itemId: uuid()
      .primaryKey()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    revisionId: uuid()
      .notNull()
      .references(() => revisions.id, { onDelete: "cascade" }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    visibleFrom: timestamp({ withTimezone: true }).notNull(),
    /** The published revision's search vector, plus its month lexeme (see migration 0006). */
    searchVector: tsvector().notNull(),
    /** Title (A) and lead (B) only: what ranks the matches, small enough to sit in the row. */
    headVector: tsvector().notNull(),
  },
  (t) => [
    index("search_entries_published_idx").on(t.publishedAt.desc().nullsFirst(), t.itemId.desc().nullsFirst()),
    index("search_entries_vector_idx").using("gin", t.searchVector),
  ],
);

/** Who may edit a text as its own (a skribent edits only texts they author). */
export const itemAuthors = pgTable(
  "item_authors",
  {
    itemId: uuid()
      .notNull()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.userId] }), index("item_authors_user_idx").on(t.userId)],
);

/** A published correction, shown publicly as "Rättelse <date>: …". */
export const corrections = pgTable("corrections", {
  id: uuid().primaryKey().defaultRandom(),
  itemId: uuid()
    .notNull()
    .references(() => contentItems.id, { onDelete: "cascade" }),
  revisionId: uuid().references(() => revisions.id, { onDelete: "set null" }),
  text: text().notNull(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
