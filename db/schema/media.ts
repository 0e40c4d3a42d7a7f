import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export type MediaVariant = { width: number; height: number; format: "avif" | "webp" | "jpeg"; key: string; bytes: number };

export const media = pgTable("media", {
  id: uuid().primaryKey().defaultRandom(),
  /** Key of the original (re-encoded) file in the storage backend, not a path or URL. */
  storageKey: text().notNull().unique(),
  mimeType: text().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  bytes: integer().notNull(),
  alt: text().notNull(),
  caption: text().notNull().default(""),
  credit: text().notNull().default(""),
  variants: jsonb().$type<MediaVariant[]>().notNull().default([]),
  uploadedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
