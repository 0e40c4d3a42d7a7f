import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { contentItems } from "./content";
import { newsletterIssues, publications } from "./publications";
import { DELIVERY_STATUSES } from "./values";

/**
 * A resident who gets issues by e-mail. Deliberately minimal (GDPR): the address and when it was
 * confirmed. Unconfirmed (`confirmedAt` null) it is only a pending request, and no publication
 * sends to it. The unsubscribe token is not stored: it is an HMAC of the id (lib/subscriptions).
 */
export const subscribers = pgTable("subscribers", {
  id: uuid().primaryKey().defaultRandom(),
  /** Normalised (trimmed, NFC, domain lower-cased): one row per person whatever they typed. */
  email: text().notNull().unique(),
  confirmedAt: timestamp({ withTimezone: true }),
  /** Permanent SMTP failures in a row; at three the address is paused. */
  permanentFailures: integer().notNull().default(0),
  pausedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** The publications a confirmed subscriber follows. Written only when a confirmation is used. */
export const subscriberPublications = pgTable(
  "subscriber_publications",
  {
    subscriberId: uuid()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.publicationId] }), index("subscriber_publications_publication_idx").on(t.publicationId)],
);

export const consentMethodEnum = pgEnum("consent_method", ["form", "import"]);

/**
 * A request to follow some publications, waiting for the person to confirm by POST from the mailed
 * link. Single-use (`usedAt`), expiring, and only the SHA-256 of its token is stored.
 */
export const subscriptionConfirmations = pgTable(
  "subscription_confirmations",
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriberId: uuid()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    publicationIds: jsonb().$type<string[]>().notNull(),
    consentVersion: text().notNull(),
    method: consentMethodEnum().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscription_confirmations_subscriber_idx").on(t.subscriberId, t.createdAt)],
);

/** What the person agreed to, when and how: kept while the subscription lasts, deleted with it. */
export const subscriptionConsents = pgTable("subscription_consents", {
  id: uuid().primaryKey().defaultRandom(),
  subscriberId: uuid()
    .notNull()
    .references(() => subscribers.id, { onDelete: "cascade" }),
  publicationIds: jsonb().$type<string[]>().notNull(),
  consentVersion: text().notNull(),
  method: consentMethodEnum().notNull(),
  requestedAt: timestamp({ withTimezone: true }).notNull(),
  confirmedAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * Addresses that left, as SHA-256 of the normalised address: an import can never add them again;
 * only the person's own new double opt-in lifts it.
 */
export const subscriberSuppressions = pgTable("subscriber_suppressions", {
  emailHash: text().primaryKey(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Counters per key in a fixed window ("subscribe-ip:<address>", "subscribe-email:<hash>"): a table,
 * not process memory, so a limit holds across instances.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull().default(0),
});

/**
 * One issue or one blog post as e-mail, rendered once: every delivery sends this, with the
 * subscriber's own unsubscribe link put in. `cancelledAt`: the text was withdrawn, send no more.
 */
export const mailEditions = pgTable(
  "mail_editions",
  {
    id: uuid().primaryKey().defaultRandom(),
    issueId: uuid()
      .unique()
      .references(() => newsletterIssues.id, { onDelete: "cascade" }),
    itemId: uuid()
      .unique()
      .references(() => contentItems.id, { onDelete: "cascade" }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("mail_editions_one_target", sql`(${t.issueId} is null) <> (${t.itemId} is null)`)],
);

export const deliveryStatusEnum = pgEnum("delivery_status", DELIVERY_STATUSES);

/**
 * One edition to one subscriber: the unique (edition, subscriber) pair is what makes "never two
 * copies" a constraint. "sending" is claimed and handed to SMTP; a row left "sending" by a process
 * that died becomes "unknown" (Okänt utfall), never re-sent by itself. The subscriber's deletion
 * keeps the row (counts stay true) without the address.
 */
export const mailDeliveries = pgTable(
  "mail_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    editionId: uuid()
      .notNull()
      .references(() => mailEditions.id, { onDelete: "cascade" }),
    subscriberId: uuid().references(() => subscribers.id, { onDelete: "set null" }),
    status: deliveryStatusEnum().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    /** Which worker claimed it (host:pid:start), so a live worker's claims are not taken for dead. */
    claimedBy: text(),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("mail_deliveries_edition_subscriber_unique").on(t.editionId, t.subscriberId),
    index("mail_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_deliveries_edition_idx").on(t.editionId, t.status),
  ],
);
