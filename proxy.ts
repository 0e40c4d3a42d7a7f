import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { baseConfig } from "@/lib/auth/base-config";

const { auth } = NextAuth(() => baseConfig());

/**
 * A first, cheap gate for the staff area: no session cookie, no /redaktion. The real checks are in
 * the staff layout and in every action, which also reject deactivated users and stale roles.
 */
export const proxy = auth((request) => {
  if (!request.auth) {
    const login = new URL("/logga-in", request.nextUrl.origin);
    login.searchParams.set("till", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
});

export const config = { matcher: ["/redaktion", "/redaktion/:path*"] };
