"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createText } from "@/lib/editorial/create-text";
import { deleteText } from "@/lib/editorial/delete-text";
import { placeText } from "@/lib/issues/place-text";
import { overrideWarning } from "@/lib/editorial/override-warning";
import { restoreRevision } from "@/lib/editorial/restore-revision";
import { setAuthors } from "@/lib/editorial/set-authors";
import { parseInput, type ActionResult } from "@/lib/errors";

export type CreateTextState = ActionResult<{ id: string }> | null;

export async function createTextAction(_previous: CreateTextState, formData: FormData): Promise<CreateTextState> {
  const [publicationId, issueId] = String(formData.get("plats") ?? "").split(":");
  const result = await toResult(async () =>
    createText(await getDb(), await requireActor(), {
      publicationId: publicationId ?? "",
      issueId: issueId || null,
      title: String(formData.get("rubrik") ?? ""),
    }),
  );
  if (!result.ok) return result;
  redirect(`/redaktion/texter/${result.data.id}`);
}

export async function deleteTextAction(id: string): Promise<ActionResult<null>> {
  const result = await toResult(async () => {
    await deleteText(await getDb(), await requireActor(), parseInput(z.uuid(), id, { code: "NOT_FOUND", message: "Texten finns inte längre." }));
    return null;
  });
  if (result.ok) revalidatePath("/redaktion/texter");
  return result;
}

const placeSchema = z.object({
  id: z.uuid(),
  /** As on "Ny text": "<publication>" or "<publication>:<issue>". */
  plats: z.string().regex(/^[0-9a-f-]{36}(:[0-9a-f-]{36})?$/, "Välj var texten ska ligga."),
});

/** "Flytta texten": to another issue, blog or newsletter, from the text's own page. */
export async function placeTextAction(input: z.input<typeof placeSchema>): Promise<ActionResult<{ where: string }>> {
  const result = await toResult(async () => {
    const parsed = parseInput(placeSchema, input, { message: "Välj var texten ska ligga." });
    const [publicationId, issueId] = parsed.plats.split(":") as [string, string | undefined];
    const to = issueId ? { kind: "issue" as const, issueId } : { kind: "publication" as const, publicationId };
    await placeText(await getDb(), await requireActor(), { id: parsed.id, to });
    return { where: parsed.plats };
  });
  if (result.ok) {
    revalidatePath("/redaktion/texter");
    revalidatePath("/redaktion/nummer", "layout");
  }
  return result;
}

const restoreSchema = z.object({ id: z.uuid(), revisionId: z.uuid(), baseVersion: z.number().int().min(1) });

export async function restoreRevisionAction(input: z.input<typeof restoreSchema>) {
  return toResult(async () => {
    return restoreRevision(await getDb(), await requireActor(), parseInput(restoreSchema, input));
  });
}

export async function overrideWarningAction(input: { id: string; key: string; reason: string }) {
  return toResult(async () => overrideWarning(await getDb(), await requireActor(), input));
}

export async function setAuthorsAction(input: { id: string; baseVersion: number; authors: { userId: string | null; name: string; title: string }[] }) {
  return toResult(async () => setAuthors(await getDb(), await requireActor(), input));
}
