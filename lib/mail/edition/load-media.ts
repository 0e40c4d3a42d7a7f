import type { JSONContent } from "@tiptap/core";
import { inArray } from "drizzle-orm";
import { media } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { isMediaId } from "@/lib/content/extensions/figure";
import type { EmailImages } from "./types";

/** The media ids of every figure in the documents and of the covers, once each. */
export function mediaIdsOf(documents: readonly JSONContent[], covers: readonly (string | null)[]): string[] {
  const ids = new Set<string>(covers.filter(isMediaId));
  const walk = (node: JSONContent) => {
    if (node.type === "figure" && isMediaId(node.attrs?.mediaId)) ids.add(node.attrs.mediaId);
    node.content?.forEach(walk);
  };
  documents.forEach(walk);
  return [...ids];
}

/** Which original file each image has (JPEG or PNG) and its size: one query for the whole edition. */
export async function loadEmailImages(db: DbOrTx, ids: readonly string[]): Promise<EmailImages> {
  if (ids.length === 0) return {};
  const rows = await db
    .select({ id: media.id, mimeType: media.mimeType, width: media.width, height: media.height })
    .from(media)
    .where(inArray(media.id, [...ids]));
  return Object.fromEntries(rows.map(({ id, ...image }) => [id, image]));
}
