import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticate } from "./authenticate";
import { baseConfig } from "./base-config";
import { clientIp } from "./client-ip";

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...baseConfig(),
  providers: [
    Credentials({
      credentials: { email: { label: "E-post" }, password: { label: "Lösenord", type: "password" } },
      async authorize(credentials, request) {
        const result = await authenticate(await getDb(), credentials, clientIp(request));
        if (result.ok) return result.user;
        if (result.reason === "rate_limited") throw new RateLimited();
        return null;
      },
    }),
  ],
}));
