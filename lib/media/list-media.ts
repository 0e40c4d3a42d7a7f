import { count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { media } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { MEDIA_WIDTHS, mediaUrl } from "./sizes";

export type MediaRow = typeof media.$inferSelect;

export type ListMediaOptions = { query?: string; limit: number; offset: number };

/** LIKE treats % and _ as wildcards; a search for "100%" means the characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchFilter(query: string | undefined): SQL | undefined {
  const text = query?.trim();
  if (!text) return undefined;
  const pattern = likePattern(text);
  return or(ilike(media.alt, pattern), ilike(media.caption, pattern), ilike(media.credit, pattern));
}

/**
 * The media library, newest first, optionally searched in alt text, caption and credit. A plain
 * ILIKE scan: a municipality's library holds thousands of images, not millions.
 */
export async function listMedia(db: DbOrTx, options: ListMediaOptions): Promise<{ items: MediaRow[]; total: number }> {
  const where = searchFilter(options.query);
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), 100);
  const offset = Math.max(Math.trunc(options.offset), 0);
  const [items, totals] = await Promise.all([
    db.select().from(media).where(where).orderBy(desc(media.createdAt), desc(media.id)).limit(limit).offset(offset),
    db.select({ n: count() }).from(media).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/** One image, or null; a malformed id is simply not found. */
export async function getMedia(db: DbOrTx, id: string): Promise<MediaRow | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

export type MediaJson = {
  id: string;
  width: number;
  height: number;
  mimeType: string;
  alt: string;
  caption: string;
  credit: string;
  createdAt: string;
  /** The re-encoded original, e.g. /media/<id>/original.jpg. */
  url: string;
  /** The smallest WebP variant. */
  thumbnailUrl: string;
  variants: { width: number; height: number; format: string; url: string }[];
};

/** The JSON shape of one image for the editor's media library. */
export function toMediaJson(row: MediaRow): MediaJson {
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    mimeType: row.mimeType,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    createdAt: row.createdAt.toISOString(),
    url: `/media/${row.storageKey}`,
    thumbnailUrl: mediaUrl(row.id, MEDIA_WIDTHS[0]),
    variants: row.variants.map((v) => ({ width: v.width, height: v.height, format: v.format, url: `/media/${v.key}` })),
  };
}
