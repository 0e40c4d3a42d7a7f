import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { publications } from "./publications";

/** A resident who gets issues by e-mail. Deliberately minimal (GDPR): an address and two tokens. */
export const subscribers = pgTable(
  "subscribers",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    confirmedAt: timestamp({ withTimezone: true }),
    /** SHA-256 of the tokens mailed out; the tokens themselves are never stored. */
    confirmTokenHash: text(),
    unsubscribeTokenHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscribers_confirm_idx").on(t.confirmTokenHash)],
);

export const subscriberPublications = pgTable(
  "subscriber_publications",
  {
    subscriberId: uuid()
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    publicationId: uuid()
      .notNull()
      .references(() => publications.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.subscriberId, t.publicationId] })],
);
