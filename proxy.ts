import NextAuth from "next-auth";
import { type NextFetchEvent, type NextRequest, NextResponse } from "next/server";
import { baseConfig } from "@/lib/auth/base-config";

const { auth } = NextAuth(() => baseConfig());

/**
 * A first, cheap gate for the staff area: no session cookie, no /redaktion. The real checks are in
 * the staff layout and in every action, which also reject deactivated users and stale roles.
 */
const gate = auth((request) => {
  if (!request.auth) {
    const login = new URL("/logga-in", request.nextUrl.origin);
    login.searchParams.set("till", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
});

// With a lazily built config (the secret is read at run time), Auth.js hands back the wrapped
// handler as a promise, although its types say otherwise.
type Handler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = (await (gate as unknown as Promise<Handler>)) as Handler;
  return handler(request, event);
}

export const config = { matcher: ["/redaktion", "/redaktion/:path*"] };
