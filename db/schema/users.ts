import { sql } from "drizzle-orm";
import { ROLES } from "./values";
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
    /** Null until an invited person has chosen a password on "Välj lösenord". */
    passwordHash: text(),
    /**
     * The author page's address, /skribent/<slug>: stored, so that it changes only when the name does
     * (the old one then redirects, authorSlugRedirects). Null only until backfilled at start-up.
     */
    slug: text().unique(),
    active: boolean().notNull().default(true),
    /**
     * Part of every session token; raising it ends all of the user's sessions at their next request
     * (lib/auth/sessions.ts endSessions: deactivation, a new password).
     */
    sessionVersion: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/**
 * Log-in attempts per key ("email:<address>" or "ip:<address>"), counted before the password is
 * checked (lib/auth/rate-limit.ts). A table rather than process memory so that the limits hold
 * across several app instances.
 */
export const loginAttempts = pgTable("login_attempts", {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  /** Attempts not (yet) followed by a successful log-in. */
  failures: integer().notNull().default(0),
  /** For an account: no attempt is let through before this. Null for a client address, which has no delay. */
  notBefore: timestamp({ withTimezone: true }),
});

/**
 * Sessions ended by "Logga ut" before their cookie expires; kept until then, since a copy of the
 * cookie would otherwise still work (the cookie is the whole session: JWT strategy).
 */
export const endedSessions = pgTable("ended_sessions", {
  sessionId: uuid().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/** An author page's earlier addresses: /skribent/<old> redirects to the account's current slug. */
export const authorSlugRedirects = pgTable("author_slug_redirects", {
  slug: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const accountTokenPurposeEnum = pgEnum("account_token_purpose", ["invite", "reset"]);

/**
 * One-time links: an invitation to "Välj lösenord" (72 hours) or a password reset (one hour). Only the
 * token's SHA-256 is stored, so a copy of the database gives no one a way in.
 */
export const accountTokens = pgTable("account_tokens", {
  tokenHash: text().primaryKey(),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  purpose: accountTokenPurposeEnum().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdBy: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
