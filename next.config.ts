import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "sharp"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
