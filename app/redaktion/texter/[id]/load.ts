import "server-only";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { loadForPage } from "@/lib/auth/refuse";
import { loadTextForViewer } from "@/lib/editorial/view-text";

/**
 * The text for the editor, preview and review pages: a malformed or unknown id is a 404, someone
 * else's text (for a writer who edits only their own) the 403 page; neither is an error page.
 */
export async function loadTextForPage(db: Db, user: CurrentUser, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return loadForPage(loadTextForViewer(db, user, id));
}
