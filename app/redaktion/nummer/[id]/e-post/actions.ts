"use server";

import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/errors";
import { sendTestEdition } from "@/lib/mail/send/send-test-edition";

export type TestSendState = ActionResult<{ to: string }> | null;

/** The service checks the role and the input itself; this only finds the actor. */
export async function sendTestEditionAction(_previous: TestSendState, formData: FormData): Promise<TestSendState> {
  return toResult(async () => sendTestEdition(await getDb(), await requireActor(), { issueId: formData.get("issueId") }));
}
