import type { NextConfig } from "next";
import { pageCacheHandlerPath } from "./lib/server/events.mjs";

const SECURITY_HEADERS = [
  // No page of ours is meant to be framed (the policy's frame-ancestors 'none' says the same to
  // browsers that read it): not the one-click approval page, not a reader form.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Features no page uses, refused for any script that might ask.
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()",
  },
];

const nextConfig: NextConfig = {
  // Native or WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "sharp"],
  poweredByHeader: false,
  // Headers that depend on nothing at run time, on every answer. The Content Security Policy is
  // per page (proxy.ts for staff pages, lib/server/security-headers.mjs for the reader pages, with
  // HSTS, which depends on PUBLIC_URL at run time: these headers are fixed at build time).
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
  // Public pages are cached in memory per process and revalidated on publish: lib/server/page-cache-handler.mjs,
  // whose path lib/server/events.mjs keeps beside the events that tie it to the server.
  cacheHandler: pageCacheHandlerPath(),
  cacheMaxMemorySize: 0,
  // A CDN in front may serve a page at most an hour past its minute (stale-while-revalidate), so a
  // withdrawn text cannot linger in a proxy for long.
  expireTime: 3600,
  // Lets parallel checkouts of work (and the benchmarks) build side by side without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Metadata is rendered before the page is sent, for every client, not streamed after it. Streamed
  // metadata arrives, when the database is slow, with React's inline boundary scripts ($RC, $RB,
  // $RV), which the reader pages' hash policy does not bless (lib/security/content-security-policy.mjs):
  // the browser refused them on /prenumerera in a CI run. A reader page has no other Suspense boundary.
  htmlLimitedBots: /.*/,
  // forbidden(): a page a role may not open answers 403 with app/redaktion/forbidden.tsx (lib/auth/refuse).
  experimental: { authInterrupts: true },
};

export default nextConfig;
