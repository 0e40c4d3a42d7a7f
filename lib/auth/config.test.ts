import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

// Behind `npm start` Next gives route handlers a localhost URL (its custom server knows no public
// host): Auth.js's own pages must use PUBLIC_URL instead. Not testable end to end on 127.0.0.1,
// which Next's URL class turns into localhost too.
vi.stubEnv("PUBLIC_URL", "https://nyheter.kommun.se");
const { handlers } = await import("./config");

describe("Auth.js's own endpoints", () => {
  it("send the browser to PUBLIC_URL, not to the address Next gave the request", async () => {
    const signIn = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/signin"));
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).toBe(`/logga-in?callbackUrl=${encodeURIComponent("https://nyheter.kommun.se")}`);

    const signOut = await handlers.GET(new NextRequest("http://localhost:3000/api/auth/signout"));
    expect(await signOut.text()).toContain('action="https://nyheter.kommun.se/api/auth/signout"');
  });
});
