"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { saveIdentity } from "@/lib/site/identity";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";

export type IdentityFormState = ActionResult<{ changed: string[] }> | null;

const FIELDS = ["municipalityName", "tagline", "streetAddress", "postalAddress", "phone", "email", "webUrl", "accentColor"] as const;

export async function saveIdentityAction(_previous: IdentityFormState, formData: FormData): Promise<IdentityFormState> {
  const result = await toResult(async () => {
    const actor = await requireActor();
    if (!can(actor, "settings.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får ändra webbplatsens inställningar.");
    const input = Object.fromEntries(FIELDS.map((name) => [name, String(formData.get(name) ?? "")]));
    return saveIdentity(await getDb(), actor, input);
  });
  if (result.ok) {
    // The name, colour and address stand on every reader page: all of them are rendered again.
    revalidatePublicPaths(["/"]);
    revalidatePath("/redaktion/installningar");
  }
  return result;
}
