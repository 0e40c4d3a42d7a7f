import { and, eq, sql } from "drizzle-orm";
import { contentItems, revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";
import { appendRevision } from "./save-text";

/** Restores an old version as a new revision on top: history is never rewritten. */
export async function restoreRevision(
  db: Db,
  actor: CurrentUser,
  input: { id: string; revisionId: string; baseVersion: number },
): Promise<{ version: number; revisionNumber: number }> {
  return db.transaction(async (tx) => {
    const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ändra den här texten.");
    if (item.version !== input.baseVersion) {
      throw new AppError("CONFLICT", "Texten har ändrats sedan du öppnade den. Ladda om sidan och försök igen.");
    }
    const [old] = await tx
      .select()
      .from(revisions)
      .where(and(eq(revisions.id, input.revisionId), eq(revisions.itemId, item.id)));
    if (!old) throw new AppError("NOT_FOUND", "Versionen finns inte.");
    const revision = await appendRevision(tx, item.id, actor.id, {
      title: old.title,
      lead: old.lead,
      body: old.body,
      coverMediaId: old.coverMediaId,
      tags: old.tags,
      byline: current.byline,
    });
    const [updated] = await tx
      .update(contentItems)
      .set({ currentRevisionId: revision.id, version: sql`${contentItems.version} + 1`, updatedAt: revision.createdAt })
      .where(eq(contentItems.id, item.id))
      .returning({ version: contentItems.version });
    return { version: updated!.version, revisionNumber: revision.number };
  });
}
