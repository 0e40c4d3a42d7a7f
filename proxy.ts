import { getToken } from "next-auth/jwt";
import { type NextRequest, NextResponse } from "next/server";
import { authSecret, env } from "@/lib/env";
import { contentSecurityPolicy, createNonce, nonceSources } from "@/lib/security/content-security-policy.mjs";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * Staff pages: the log-in gate of /redaktion, and for them and the log-in pages (with "Välj lösenord"
 * and "Glömt lösenordet?" under /logga-in/) a Content Security
 * Policy with a nonce of its own (see lib/security/content-security-policy.mjs for the reader pages).
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/redaktion" || pathname.startsWith("/redaktion/")) {
    const login = await loginGate(request);
    if (login) return login;
  }
  return withNonce(request);
}

/**
 * A first, cheap gate for the staff area: no valid session cookie, no /redaktion. The real checks
 * are in the staff layout and in every action, which also reject deactivated users and stale roles.
 *
 * It only reads the token. Auth.js's own middleware wrapper refreshes the session cookie on every
 * response, and a link prefetch still in flight when "Logga ut" clears the cookie would then log
 * the user straight back in.
 */
async function loginGate(request: NextRequest): Promise<NextResponse | undefined> {
  const token = await getToken({ req: request, secret: authSecret(), secureCookie: request.cookies.has(SECURE_COOKIE) });
  if (!token?.sub) {
    const login = new URL("/logga-in", request.nextUrl.origin);
    login.searchParams.set("till", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return undefined;
}

/**
 * These pages are rendered per request anyway, so each response gets a fresh nonce: Next reads it
 * from the request's policy header and puts it on every script it writes, the browser reads the
 * same policy from the response. Only pages rendered per request may be matched here: a page
 * served from a cache would carry no nonce, and none of its scripts would run.
 */
function withNonce(request: NextRequest): NextResponse {
  const { PUBLIC_URL, NODE_ENV } = env();
  const policy = contentSecurityPolicy({ scriptSources: nonceSources(createNonce()), publicUrl: PUBLIC_URL, development: NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = { matcher: ["/redaktion", "/redaktion/:path*", "/logga-in", "/logga-in/:path*"] };
