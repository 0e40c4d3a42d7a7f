import { and, eq } from "drizzle-orm";
import { revisions } from "@/db/schema";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";
import { assertVersion, commitRevision } from "./revisions";

/** Restores an old version as a new revision on top: history is never rewritten. */
export async function restoreRevision(
  db: Db,
  actor: CurrentUser,
  input: { id: string; revisionId: string; baseVersion: number },
): Promise<{ version: number; revisionNumber: number }> {
  return db.transaction(async (tx) => {
    const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ändra den här texten.");
    assertVersion(item, input.baseVersion);
    const [old] = await tx
      .select()
      .from(revisions)
      .where(and(eq(revisions.id, input.revisionId), eq(revisions.itemId, item.id)));
    if (!old) throw new AppError("NOT_FOUND", "Versionen finns inte.");
    const { revision, version } = await commitRevision(tx, item.id, actor, {
      title: old.title,
      lead: old.lead,
      description: old.description,
      body: old.body,
      coverMediaId: old.coverMediaId,
      tags: old.tags,
      byline: current.byline,
    });
    return { version, revisionNumber: revision.number };
  });
}
