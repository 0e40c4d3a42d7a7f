"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, type ActionResult } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { saveAccessibilityStatement } from "./save-statement";

export type StatementFormState = ActionResult<{ updatedOn: string }> | null;

const FIELDS = ["scope", "conformance", "shortcomings", "disproportionateBurden", "assessmentMethod", "assessedOn", "contactEmail", "contactPhone", "responseTime"] as const;

export async function saveAccessibilityStatementAction(_previous: StatementFormState, formData: FormData): Promise<StatementFormState> {
  const result = await toResult(async () => {
    const actor = await requireActor();
    // Checked here too: an action never relies on the page having hidden the form.
    if (!can(actor, "settings.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får ändra tillgänglighetsredogörelsen.");
    const input = Object.fromEntries(FIELDS.map((name) => [name, String(formData.get(name) ?? "")]));
    const statement = await saveAccessibilityStatement(await getDb(), actor, input);
    return { updatedOn: statement.updatedOn };
  });
  if (result.ok) {
    revalidatePath("/tillganglighet");
    revalidatePath("/redaktion/installningar/tillganglighet");
  }
  return result;
}
