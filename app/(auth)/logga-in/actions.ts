"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { RateLimited, signIn } from "@/lib/auth/config";
import { INVALID_LOGIN_MESSAGE, LOGIN_FAILED_MESSAGE, rateLimitedMessage } from "@/lib/auth/messages";
import { safeReturnPath } from "@/lib/auth/return-path";

export type LoginState = { message: string | null; email: string };

const formSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(1024),
  till: z.string().max(500).optional(),
});

export async function logInAction(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const parsed = formSchema.safeParse({
    email: formData.get("email") ?? "",
    password: formData.get("password") ?? "",
    till: formData.get("till") ?? undefined,
  });
  if (!parsed.success) return { message: INVALID_LOGIN_MESSAGE, email: "" };
  const { email, password, till } = parsed.data;
  if (!email || !password) return { message: "Fyll i både e-postadress och lösenord.", email };

  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(till) });
    return { message: null, email };
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are ours to turn into messages.
    if (error instanceof RateLimited) return { message: rateLimitedMessage(error.retryAt, new Date()), email };
    if (error instanceof CredentialsSignin) return { message: INVALID_LOGIN_MESSAGE, email };
    if (error instanceof AuthError) {
      console.error("Log-in failed", error);
      return { message: LOGIN_FAILED_MESSAGE, email };
    }
    throw error;
  }
}
