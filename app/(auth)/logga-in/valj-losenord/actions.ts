"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import type { ActionResult } from "@/lib/errors";
import { choosePassword } from "@/lib/users/choose-password";

export type ChoosePasswordState = ActionResult<null> | null;

/**
 * "Spara lösenordet": anyone may call it; the one-time link's token is the proof, checked and used up
 * by choosePassword. Afterwards the person logs in with the new password.
 */
export async function choosePasswordAction(_previous: ChoosePasswordState, formData: FormData): Promise<ChoosePasswordState> {
  const result = await toResult(async () =>
    choosePassword(await getDb(), {
      token: String(formData.get("token") ?? ""),
      password: String(formData.get("password") ?? ""),
      repeat: String(formData.get("repeat") ?? ""),
    }),
  );
  if (!result.ok) return result;
  redirect(`/logga-in?losenord=${result.data.purpose === "invite" ? "valt" : "nytt"}`);
}
