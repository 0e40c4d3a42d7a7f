import type { NextAuthConfig } from "next-auth";
import { authSecret, env } from "@/lib/env";
import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; name: string; email: string; role: Role };
    /** This log-in's own id, so that "Logga ut" can end it (lib/auth/sessions.ts). */
    sessionId?: string;
    /** The user's session version at log-in; raising it ends every session from before. */
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: Role;
    sid?: string;
    sv?: number;
  }
}

/** A staff work day; after that, log in again. */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

/**
 * Auth.js builds its own addresses (where GET /api/auth/signin and /api/auth/signout send the browser,
 * where a log-in leads) from AUTH_URL, which it reads from process.env itself and has no option for;
 * without it, from the request, which behind the custom server says localhost. The site's address
 * is PUBLIC_URL.
 */
function pointAuthJsAtPublicUrl(): void {
  process.env.AUTH_URL = new URL(env().PUBLIC_URL).origin;
}

/**
 * The part of the Auth.js configuration that needs no database. Built per request so the secret is
 * read at run time, never at build time.
 */
export function baseConfig(): NextAuthConfig {
  pointAuthJsAtPublicUrl();
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
          // Fixed for the life of this session; Auth.js's own jti changes whenever it re-signs.
          token.sid = crypto.randomUUID();
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        session.user.role = token.role as Role;
        session.sessionId = token.sid;
        session.sessionVersion = token.sv;
        return session;
      },
    },
  };
}
