import type { DbOrTx } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can, canEdit } from "@/lib/permissions";
import { loadText } from "./load-text";

/** Loads a text for someone who may edit it, or review it (the utgivare reads every text). */
export async function loadTextForViewer(db: DbOrTx, actor: CurrentUser, id: string) {
  const loaded = await loadText(db, id);
  if (!canEdit(actor, loaded.owned) && !can(actor, "content.approve")) {
    throw new AppError("FORBIDDEN", "Du har inte behörighet till den här texten.");
  }
  return loaded;
}
