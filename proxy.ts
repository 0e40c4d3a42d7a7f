import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { authSecret } from "@/lib/env";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * A first, cheap gate for the staff area: no valid session cookie, no /redaktion. The real checks
 * are in the staff layout and in every action, which also reject deactivated users and stale roles.
 *
 * It only reads the token. Auth.js's own middleware wrapper refreshes the session cookie on every
 * response, and a link prefetch still in flight when "Logga ut" clears the cookie would then log
 * the user straight back in.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: request.cookies.has(SECURE_COOKIE) });
  if (!token?.sub) {
    const login = new URL("/logga-in", request.nextUrl.origin);
    login.searchParams.set("till", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/redaktion", "/redaktion/:path*"] };
