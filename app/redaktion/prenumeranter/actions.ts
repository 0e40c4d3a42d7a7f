"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { parseInput } from "@/lib/errors";
import { deleteSubscriber } from "@/lib/subscriptions/delete-subscriber";
import { resumeSubscriber } from "@/lib/subscriptions/resume-subscriber";
import { requireSubscriberManager } from "./access";

const deleteSchema = z.object({ id: z.uuid() });

/** "Radera permanent", the second step of erasing one person's data on request. */
export async function deleteSubscriberAction(formData: FormData): Promise<void> {
  const result = await toResult(async () => {
    const actor = await requireSubscriberManager();
    const parsed = parseInput(deleteSchema, { id: formData.get("id") }, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });
    await deleteSubscriber(await getDb(), actor, parsed.id);
  });
  revalidatePath("/redaktion/prenumeranter");
  redirect(result.ok ? "/redaktion/prenumeranter?raderad=1" : `/redaktion/prenumeranter?fel=${encodeURIComponent(result.message)}`);
}

/** "Återuppta utskick" for an address paused after repeated permanent failures. */
export async function resumeSubscriberAction(formData: FormData): Promise<void> {
  const result = await toResult(async () => {
    const actor = await requireSubscriberManager();
    const parsed = parseInput(deleteSchema, { id: formData.get("id") }, { message: "Ogiltig begäran. Ladda om sidan och försök igen." });
    await resumeSubscriber(await getDb(), actor, parsed.id);
  });
  revalidatePath("/redaktion/prenumeranter");
  const back = String(formData.get("tillbaka") ?? "");
  // Only back to this page's own search, never elsewhere.
  const page = back.startsWith("/redaktion/prenumeranter?") ? back : "/redaktion/prenumeranter?";
  redirect(result.ok ? `${page}&aterupptagen=1` : `/redaktion/prenumeranter?fel=${encodeURIComponent(result.message)}`);
}
