import type { NextAuthConfig } from "next-auth";
import { authSecret } from "@/lib/env";
import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
  }
}

/** A staff work day; after that, log in again. */
const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

/**
 * The part of the Auth.js configuration that needs no database, so that the proxy can check the
 * session cookie without loading the database driver. Built per request so the secret is read at
 * run time, never at build time.
 */
export function baseConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/logga-in" },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role as Role;
        return session;
      },
    },
  };
}
