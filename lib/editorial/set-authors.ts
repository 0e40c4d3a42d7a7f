import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { itemAuthors, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { can, canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";
import { assertVersion, commitRevision } from "./revisions";

export const setAuthorsSchema = z.object({
  id: z.uuid(),
  baseVersion: z.number().int().min(1),
  authors: z
    .array(
      z.object({
        /** A staff member (who may then edit the text as their own), or null for someone without an account. */
        userId: z.uuid().nullable(),
        name: z.string().trim().min(1, "Skriv författarens namn.").max(120),
        title: z.string().trim().max(120).default(""),
      }),
    )
    .min(1, "En text måste ha minst en författare.")
    .max(10, "Högst tio författare."),
});

/**
 * The authors of a text, in byline order. Staff authors may edit it as their own. The byline is
 * part of what readers see, so the change is a new revision like any other edit.
 */
export async function setAuthors(db: Db, actor: CurrentUser, raw: z.input<typeof setAuthorsSchema>) {
  const input = parseInput(setAuthorsSchema, raw);
  return db.transaction(async (tx) => {
    const { item, current, owned } = await loadText(tx, input.id, { forUpdate: true });
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ändra den här texten.");
    assertVersion(item, input.baseVersion);
    const userIds = [...new Set(input.authors.flatMap((a) => (a.userId ? [a.userId] : [])))];
    if (!can(actor, "content.edit.any") && !userIds.includes(actor.id)) {
      throw new AppError("INVALID_INPUT", "Du kan inte ta bort dig själv som författare: då kan du inte längre redigera texten.");
    }
    const found = userIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds)) : [];
    if (found.length !== userIds.length) throw new AppError("INVALID_INPUT", "En av författarna finns inte som användare.");

    await tx.delete(itemAuthors).where(eq(itemAuthors.itemId, item.id));
    if (userIds.length) await tx.insert(itemAuthors).values(userIds.map((userId) => ({ itemId: item.id, userId })));
    const byline = input.authors.map((a) => ({ userId: a.userId, name: a.name, title: a.title }));
    const { version } = await commitRevision(tx, item.id, actor, {
      title: current.title,
      lead: current.lead,
      description: current.description,
      body: current.body,
      coverMediaId: current.coverMediaId,
      tags: current.tags,
      byline,
    });
    await recordAudit(tx, {
      actor,
      action: "item.authors_changed",
      entityType: "item",
      entityId: item.id,
      summary: `Författare: ${byline.map((b) => b.name).join(", ")}`,
    });
    return { version, byline };
  });
}
