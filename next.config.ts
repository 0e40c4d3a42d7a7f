import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "sharp"],
  poweredByHeader: false,
  // Public pages are cached in memory per process and revalidated on publish; see the handler.
  cacheHandler: path.join(import.meta.dirname, "lib/cache/page-cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // A CDN in front may serve a page at most an hour past its minute (stale-while-revalidate), so a
  // withdrawn text cannot linger in a proxy for long.
  expireTime: 3600,
  // Lets parallel checkouts of work (and the benchmarks) build side by side without clobbering .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // forbidden(): a page a role may not open answers 403 with app/redaktion/forbidden.tsx (lib/auth/refuse).
  experimental: { authInterrupts: true },
};

export default nextConfig;
