"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, parseInput, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { createPublication, setArchived, updatePublication } from "@/lib/publications/publications";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";

export type PublicationFormState = ActionResult<{ slug: string }> | null;

const FIELDS = ["kind", "name", "slug", "description", "responsiblePublisherId", "editorId", "editorLabel"] as const;
const GONE = "Publikationen finns inte. Ladda om sidan.";
const idSchema = z.uuid(GONE);
const NOT_FOUND_ID = { message: GONE };

async function requireAdmin() {
  const actor = await requireActor();
  if (!can(actor, "publications.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får ändra publikationerna.");
  return actor;
}

function fields(formData: FormData) {
  return Object.fromEntries(FIELDS.map((name) => [name, String(formData.get(name) ?? "")]));
}

/** Names, colophons and blog lists stand on reader pages: they are all rendered again. */
function refreshPages(id?: string) {
  revalidatePublicPaths(["/"]);
  revalidatePath("/redaktion", "layout");
  if (id) revalidatePath(`/redaktion/publikationer/${id}`);
}

export async function createPublicationAction(_previous: PublicationFormState, formData: FormData): Promise<PublicationFormState> {
  const result = await toResult(async () => createPublication(await getDb(), await requireAdmin(), fields(formData)));
  if (!result.ok) return result;
  refreshPages();
  redirect(`/redaktion/publikationer/${result.data.id}?skapad=1`);
}

export async function updatePublicationAction(_previous: PublicationFormState, formData: FormData): Promise<PublicationFormState> {
  let id = "";
  const result = await toResult(async () => {
    const actor = await requireAdmin();
    id = parseInput(idSchema, formData.get("id"), NOT_FOUND_ID);
    const saved = await updatePublication(await getDb(), actor, id, fields(formData));
    return { slug: saved.slug };
  });
  if (result.ok) refreshPages(id);
  return result;
}

export async function archivePublicationAction(input: { id: string; archived: boolean }): Promise<ActionResult<null>> {
  let id = "";
  const result = await toResult(async () => {
    const actor = await requireAdmin();
    id = parseInput(idSchema, input?.id, NOT_FOUND_ID);
    if (typeof input.archived !== "boolean") throw new AppError("INVALID_INPUT", "Ladda om sidan och försök igen.");
    await setArchived(await getDb(), actor, id, input.archived);
    return null;
  });
  if (result.ok) refreshPages(id);
  return result;
}
