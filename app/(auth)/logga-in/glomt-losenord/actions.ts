"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { stampedClientAddress } from "@/lib/server/client-address.mjs";
import { RESET_RATE_LIMITED, RESET_SENT_MESSAGE, requestPasswordReset } from "@/lib/users/request-password-reset";

export type ForgotPasswordState = { ok: boolean; message: string; email: string } | null;

const formSchema = z.object({ email: z.string().trim().max(254) });

/**
 * "Skicka länk": the same answer whether or not the address has an account (or is inactive), so the
 * page tells a stranger nothing. Only a malformed address and the rate limit answer differently,
 * and those do not depend on the account either.
 */
export async function requestPasswordResetAction(_previous: ForgotPasswordState, formData: FormData): Promise<ForgotPasswordState> {
  const parsed = formSchema.safeParse({ email: formData.get("email") ?? "" });
  const email = parsed.success ? parsed.data.email : "";
  if (!parsed.success || !z.email().safeParse(email.toLowerCase()).success) {
    return { ok: false, message: "Skriv din e-postadress, till exempel namn@kommun.se.", email };
  }
  try {
    const result = await requestPasswordReset(await getDb(), { email }, stampedClientAddress(await headers()));
    if (!result.ok) return { ok: false, message: result.reason === "rate_limited" ? RESET_RATE_LIMITED : "Skriv din e-postadress, till exempel namn@kommun.se.", email };
    return { ok: true, message: RESET_SENT_MESSAGE, email };
  } catch (error) {
    console.error("Password reset request failed", error);
    return { ok: false, message: "Det gick inte att skicka länken av tekniska skäl. Försök igen om en stund.", email };
  }
}
