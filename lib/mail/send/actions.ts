"use server";

import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { resendUnknown } from "./requeue";

/** "Skicka igen" on the Utskick panel; the service checks that the user is the utgivare. */
export async function resendUnknownAction(editionId: string): Promise<ActionResult<{ requeued: number }>> {
  return toResult(async () => resendUnknown(await getDb(), await requireActor(), editionId));
}
