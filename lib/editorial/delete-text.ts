import { eq } from "drizzle-orm";
import { contentItems } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canDelete } from "@/lib/permissions";
import { loadText } from "./load-text";

/** Only drafts that were never published may be deleted; anything readers have seen is withdrawn instead. */
export function isDeletable(item: { status: string; publishedAt: Date | null; publishedRevisionId: string | null }): boolean {
  return !item.publishedAt && !item.publishedRevisionId && ["draft", "changes_requested"].includes(item.status);
}

/** Deletes a text that has never been published. Published texts are withdrawn, never deleted. */
export async function deleteText(db: Db, actor: CurrentUser, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { item, current, owned } = await loadText(tx, id, { forUpdate: true });
    if (!canDelete(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ta bort den här texten.");
    if (!isDeletable(item)) {
      throw new AppError("INVALID_TRANSITION", "Bara utkast kan tas bort. En publicerad text avpubliceras i stället.");
    }
    // The current-revision pointer references revisions, which cascade from the item: clear it first.
    await tx.update(contentItems).set({ currentRevisionId: null }).where(eq(contentItems.id, id));
    await tx.delete(contentItems).where(eq(contentItems.id, id));
    await recordAudit(tx, {
      actor,
      action: "item.deleted",
      entityType: "item",
      entityId: id,
      summary: `Tog bort utkastet "${current.title || "(utan rubrik)"}"`,
    });
  });
}
