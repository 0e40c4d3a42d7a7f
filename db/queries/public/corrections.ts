import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { contentItems, corrections, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import { itemIsLive } from "./live";

export type PublicCorrection = { id: string; text: string; createdAt: Date };

/**
 * The *Rättelser* of live texts, oldest first, keyed by text id. A correction tied to a revision newer
 * than the published one (a corrected version not yet out) stays hidden until that version is live.
 */
export async function getCorrections(db: Db, itemIds: string[]): Promise<Map<string, PublicCorrection[]>> {
  const byItem = new Map<string, PublicCorrection[]>();
  if (itemIds.length === 0) return byItem;
  const corrected = alias(revisions, "corrected");
  const live = alias(revisions, "live");
  const rows = await db
    .select({ id: corrections.id, itemId: corrections.itemId, text: corrections.text, createdAt: corrections.createdAt })
    .from(corrections)
    .innerJoin(contentItems, eq(contentItems.id, corrections.itemId))
    .innerJoin(live, eq(live.id, contentItems.publishedRevisionId))
    .leftJoin(corrected, eq(corrected.id, corrections.revisionId))
    .where(and(itemIsLive, inArray(corrections.itemId, itemIds), or(isNull(corrected.id), lte(corrected.number, live.number))))
    .orderBy(asc(corrections.createdAt), asc(corrections.id));
  for (const { itemId, ...correction } of rows) {
    const list = byItem.get(itemId) ?? [];
    list.push(correction);
    byItem.set(itemId, list);
  }
  return byItem;
}
