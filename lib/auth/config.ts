import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "./authenticate";
import { baseConfig } from "./base-config";
import { clientIp } from "./client-ip";
import { endSession } from "./sessions";

/** Too many attempts: `retryAt` is when the next one is let through (the log-in form says so). */
export class RateLimited extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAt: Date) {
    super();
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseConfig(),
  providers: [
    Credentials({
      credentials: { email: { label: "E-post" }, password: { label: "Lösenord", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(await getDb(), credentials, clientIp(request));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimited(result.retryAt);
        return null;
      },
    }),
  ],
  events: {
    // Every way out ("Logga ut", Auth.js's own /api/auth/signout): the cookie is cleared, and a copy
    // of it kept elsewhere stops working too.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(await getDb(), sid);
    },
  },
}));
