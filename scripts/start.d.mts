// Types for `npm start`'s entry (scripts/start.mjs), which re-exports lib/server/start.mjs.
export { cacheBusFor, microCacheTtl, relay, serverOptions, workerCount } from "../lib/server/start.mjs";
