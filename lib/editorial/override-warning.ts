import { eq } from "drizzle-orm";
import { z } from "zod";
import { contentItems } from "@/db/schema";
import type { Db } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";

export const overrideWarningSchema = z.object({
  id: z.uuid(),
  /** The warning's code, with its position in the document when it has one. */
  key: z.string().min(1).max(200),
  reason: z.string().trim().min(10, "Skriv en motivering på minst tio tecken.").max(500, "Motiveringen får vara högst 500 tecken."),
});

/**
 * Keeps a writing-help warning on purpose ("the table is a layout table"), with the reason. The
 * review step lets a text through only when every warning is fixed or overridden like this.
 */
export async function overrideWarning(db: Db, actor: CurrentUser, raw: z.input<typeof overrideWarningSchema>) {
  const { id, key, reason } = parseInput(overrideWarningSchema, raw);
  return db.transaction(async (tx) => {
    const { item, owned } = await loadText(tx, id, { forUpdate: true });
    if (!canEdit(actor, owned)) throw new AppError("FORBIDDEN", "Du får inte ändra den här texten.");
    const overrides = [...item.warningOverrides.filter((o) => o.key !== key), { key, reason, userId: actor.id, userName: actor.name, at: new Date().toISOString() }];
    await tx.update(contentItems).set({ warningOverrides: overrides }).where(eq(contentItems.id, id));
    await recordAudit(tx, { actor, action: "item.warning_overridden", entityType: "item", entityId: id, summary: `Åsidosatte varningen ${key}: ${reason}` });
    return overrides;
  });
}
