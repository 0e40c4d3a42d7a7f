import { findText } from "@/db/queries/editorial";
import type { DbOrTx } from "@/db/types";
import { AppError } from "@/lib/errors";

/** The item row (locked for update when asked), its authors and its current revision (db's findText), or the user's error. */
export async function loadText(tx: DbOrTx, id: string, options: { forUpdate?: boolean } = {}) {
  const text = await findText(tx, id, options);
  if (!text) throw new AppError("NOT_FOUND", "Texten finns inte, eller så har den tagits bort.");
  const { current } = text;
  if (!current) throw new AppError("INTERNAL", "Texten saknar en sparad version.");
  return { ...text, current };
}
