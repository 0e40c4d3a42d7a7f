import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { media } from "./media";

import type { Conformance } from "./values";

export { CONFORMANCE_LEVELS, type Conformance } from "./values";

/**
 * The contents DIGG requires of a public-sector accessibility statement. One jsonb value rather than
 * a column per part: the parts are only ever read and written together, by one form and one page.
 */
export type AccessibilityStatement = {
  /** Which site or services the statement covers. */
  scope: string;
  conformance: Conformance;
  /** Known shortcomings, one per entry, each naming the failing criterion where known. */
  shortcomings: string[];
  /** Content left out as a disproportionate burden (oskäligt betungande anpassning), or "". */
  disproportionateBurden: string;
  /** How the assessment was made: self-assessment, external audit, tools … */
  assessmentMethod: string;
  /** YYYY-MM-DD */
  assessedOn: string;
  /** YYYY-MM-DD: set when an admin saves the statement. */
  updatedOn: string;
  contactEmail: string;
  contactPhone: string;
  /** How soon a reader can expect an answer, e.g. "inom fem arbetsdagar"; may be "". */
  responseTime: string;
};

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
    /** Tillgänglighetsredogörelse: structured, so every part DIGG requires has its own field. */
    accessibility: jsonb().$type<AccessibilityStatement>(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("site_settings_single_row", sql`${t.id} = 1`)],
);
