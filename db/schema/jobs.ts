import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contentItems, revisions } from "./content";
import { newsletterIssues } from "./publications";
import { mailEditions } from "./subscribers";
import { users } from "./users";

export const jobStatusEnum = pgEnum("job_status", ["pending", "running", "done", "failed", "cancelled"]);

/**
 * Durable work queue in the database: a scheduled publication survives restarts because it is a row,
 * not a timer. Any instance may claim a due job (FOR UPDATE SKIP LOCKED), so several can run at once.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp({ withTimezone: true }).notNull(),
    status: jobStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lockedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAt)],
);

export const mailStatusEnum = pgEnum("mail_status", ["queued", "sent", "outbox", "failed"]);

/**
 * Every e-mail the app sends, queued first. With SMTP configured it is delivered and marked sent;
 * without, it stays readable in the local outbox. `dedupeKey` makes "never twice" a constraint.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: uuid().primaryKey().defaultRandom(),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** What the message is about, for the outbox list: "item.submitted", "item.approved", … */
    kind: text().notNull().default(""),
    /** Extra headers as sent (List-Unsubscribe, …), shown in the outbox too. */
    headers: jsonb().$type<Record<string, string>>(),
    /**
     * A newsletter delivery kept in the outbox: its text and HTML are the edition's with this
     * message's unsubscribe link put in when shown, not 10,000 copies of the same issue.
     */
    editionId: uuid().references(() => mailEditions.id, { onDelete: "cascade" }),
    dedupeKey: text().unique(),
    status: mailStatusEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mail_messages_due_idx").on(t.status, t.nextAttemptAt), index("mail_messages_created_idx").on(t.createdAt)],
);

/**
 * A link in a review e-mail that lets the utgivare approve exactly the mailed version. The URL carries
 * the id and an HMAC of it; the row makes it single-use and expiring.
 */
export const approvalTokens = pgTable("approval_tokens", {
  id: uuid().primaryKey().defaultRandom(),
  itemId: uuid().references(() => contentItems.id, { onDelete: "cascade" }),
  issueId: uuid().references(() => newsletterIssues.id, { onDelete: "cascade" }),
  revisionId: uuid().references(() => revisions.id, { onDelete: "cascade" }),
  /** The content hash of what was mailed (a text's revision or an issue's assembled hash). */
  contentHash: text().notNull(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
