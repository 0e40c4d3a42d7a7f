import { sql } from "drizzle-orm";
import { ROLES } from "../../lib/permissions";
import { boolean, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ROLES);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index on lower() guards against case variants slipping in. */
    email: text().notNull(),
    name: text().notNull(),
    /** Shown in signatures: "Informatör", "Kommunchef". */
    jobTitle: text().notNull().default(""),
    role: roleEnum().notNull().default("skribent"),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/**
 * Failed log-ins per key ("email:<address>" or "ip:<address>") in a fixed window. A table rather than
 * process memory so that the limit holds across several app instances.
 */
export const loginAttempts = pgTable("login_attempts", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  failures: integer().notNull().default(0),
});
