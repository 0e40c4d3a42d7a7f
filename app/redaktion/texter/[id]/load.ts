import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { loadTextForViewer } from "@/lib/editorial/view-text";
import { AppError } from "@/lib/errors";

/** The text for the editor and preview pages: a malformed or unknown id is a 404, not an error page. */
export async function loadTextOrNotFound(db: Db, user: CurrentUser, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return loadTextForViewer(db, user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
}
