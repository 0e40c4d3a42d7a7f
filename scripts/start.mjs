// `npm start`: the production server. It lives in lib/server/start.mjs, with the caches and the
// events that tie them together (lib/server/events.mjs); this file stays the entry that
// package.json, the README, Playwright and the benchmarks run, and that cluster workers are forked from.
import path from "node:path";
import { main } from "../lib/server/start.mjs";

export { cacheBusFor, microCacheTtl, relay, serverOptions, workerCount } from "../lib/server/start.mjs";

// Run only as the entry: the tests import this file for its exports.
const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) await main();
