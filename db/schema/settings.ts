import type { JSONContent } from "@tiptap/core";
import { sql } from "drizzle-orm";
import { check, date, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { media } from "./media";

/** The municipality's identity: one row, id 1. */
export const siteSettings = pgTable(
  "site_settings",
  {
    id: integer().primaryKey().default(1),
    municipalityName: text().notNull(),
    tagline: text().notNull().default(""),
    logoMediaId: uuid().references(() => media.id, { onDelete: "set null" }),
    primaryColor: text().notNull().default("#1f4e79"),
    accentColor: text().notNull().default("#b35900"),
    streetAddress: text().notNull().default(""),
    postalAddress: text().notNull().default(""),
    phone: text().notNull().default(""),
    email: text().notNull().default(""),
    webUrl: text().notNull().default(""),
    /** Tillgänglighetsredogörelse, as a stored document rendered like any other text. */
    accessibilityStatement: jsonb().$type<JSONContent>(),
    accessibilityAssessedOn: date({ mode: "string" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("site_settings_single_row", sql`${t.id} = 1`)],
);
