"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, type ActionResult, parseInput } from "@/lib/errors";
import { deleteImage, describeImage } from "@/lib/media/library";
import { can } from "@/lib/permissions";

export type DescribeImageState = ActionResult<{ alt: string }> | null;

const GONE = "Bilden finns inte. Ladda om sidan.";
const idSchema = z.uuid(GONE);
const NOT_FOUND = { message: GONE };

async function requireLibraryUser() {
  const actor = await requireActor();
  if (!can(actor, "media.manage")) throw new AppError("FORBIDDEN", "Du får inte ändra i bildbiblioteket.");
  return actor;
}

export async function describeImageAction(_previous: DescribeImageState, formData: FormData): Promise<DescribeImageState> {
  const result = await toResult(async () => {
    const actor = await requireLibraryUser();
    const id = parseInput(idSchema, formData.get("id"), NOT_FOUND);
    const fields = { alt: String(formData.get("alt") ?? ""), caption: String(formData.get("caption") ?? ""), credit: String(formData.get("credit") ?? "") };
    const saved = await describeImage(await getDb(), actor, id, fields);
    return { alt: saved.alt };
  });
  if (result.ok) revalidatePath("/redaktion/bilder", "layout");
  return result;
}

export async function deleteImageAction(id: string): Promise<ActionResult<{ alt: string }>> {
  const result = await toResult(async () => {
    const actor = await requireLibraryUser();
    const parsed = parseInput(idSchema, id, NOT_FOUND);
    const removed = await deleteImage(await getDb(), actor, parsed);
    return { alt: removed.alt };
  });
  if (result.ok) revalidatePath("/redaktion/bilder", "layout");
  return result;
}
