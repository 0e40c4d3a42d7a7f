import { eq } from "drizzle-orm";
import { contentItems, itemAuthors, revisions } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { AppError } from "@/lib/errors";

/** The item row (locked for update when asked), its authors and its current revision. */
export async function loadText(tx: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const query = tx.select().from(contentItems).where(eq(contentItems.id, id)).limit(1);
  const [item] = options.forUpdate ? await query.for("update") : await query;
  if (!item) throw new AppError("NOT_FOUND", "Texten finns inte, eller så har den tagits bort.");
  const authors = await tx.select({ userId: itemAuthors.userId }).from(itemAuthors).where(eq(itemAuthors.itemId, id));
  const [current] = item.currentRevisionId
    ? await tx.select().from(revisions).where(eq(revisions.id, item.currentRevisionId)).limit(1)
    : [];
  if (!current) throw new AppError("INTERNAL", "Texten saknar en sparad version.");
  return { item, current, owned: { authorIds: authors.map((a) => a.userId), createdBy: item.createdBy } };
}
