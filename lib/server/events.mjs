// Every name the server's processes use to talk to each other, in one place.
//
// The production server (lib/server/start.mjs, run by scripts/start.mjs), Next's page cache
// (lib/server/page-cache-handler.mjs), the micro-cache in front of Next (lib/server/micro-cache.mjs)
// and the cache bus between instances (lib/server/cache-bus.mjs) are one subsystem, but most of their
// connections are not imports: Next loads the page-cache handler by a path of its own, as a module
// that shares nothing with the server but the `process` object; cluster workers are other processes;
// other instances are other machines. So they meet on events on `process`, cluster IPC messages and a
// PostgreSQL NOTIFY channel, and this module names each one, with who sends it, who listens, and what
// it carries. Every sender and listener imports the name from here: a search for the constant finds
// both ends. Plain JavaScript, like the rest of lib/server, and free of side effects, so that
// next.config.ts and the page-cache handler can import it too.
//
// The path of a publication (README, "How a publication reaches every worker and instance"):
//
//   revalidatePath() in a worker → PageCacheHandler.revalidateTag
//     → drops its pages, emits PAGE_CACHE_DROPPED (its micro-cache empties)
//     → in a cluster worker: IPC PAGE_CACHE_MESSAGE to the primary, which relays it to the other
//       workers (each drops the pages and emits PAGE_CACHE_DROPPED) and publishes the tags on the bus;
//       alone: emits PAGE_CACHE_REVALIDATED, and the server publishes the tags on the bus
//     → NOTIFY on CACHE_BUS_CHANNEL → every other instance: PAGE_CACHE_REMOTE in a single process,
//       or PAGE_CACHE_MESSAGE from its primary to each of its workers.
import path from "node:path";

// ── Events on `process` (within one process) ──────────────────────────────────────────────────

/**
 * Pages were dropped from this process's page cache. No payload.
 * Sent by: lib/server/page-cache-handler.mjs, on every drop (its own revalidation, one relayed from
 *   another worker, one from another instance).
 * Heard by: lib/server/micro-cache.mjs (and so the search cache built on it), which empties at once
 *   so that it never sends a page older than the page cache's.
 */
export const PAGE_CACHE_DROPPED = "kommunbladet:page-cache-dropped";

/**
 * This process revalidated these tags itself and is not a cluster worker. Payload: string[] (tags).
 * Sent by: lib/server/page-cache-handler.mjs (revalidateTag), in a process that is not a cluster
 *   worker (a worker sends PAGE_CACHE_MESSAGE to its primary instead).
 * Heard by: lib/server/start.mjs in a single-process server, which publishes the tags on the cache
 *   bus for the other instances.
 */
export const PAGE_CACHE_REVALIDATED = "kommunbladet:page-cache-revalidated";

/**
 * Another instance revalidated these tags. Payload: string[] (tags; [ALL_PAGES] after the bus lost
 * its connection and may have missed some).
 * Sent by: lib/server/start.mjs in a single-process server, from the cache bus's onRemote.
 * Heard by: lib/server/page-cache-handler.mjs, which drops those pages (and emits PAGE_CACHE_DROPPED).
 */
export const PAGE_CACHE_REMOTE = "kommunbladet:page-cache-remote";

// ── Cluster IPC messages (between the primary and its workers, process.send / worker.send) ────

/**
 * The `type` of the one message of ours between the processes of a cluster:
 * `{ type: PAGE_CACHE_MESSAGE, tags: string[] }` (see pageCacheMessage).
 * Sent by: a worker's lib/server/page-cache-handler.mjs (revalidateTag) to the primary; the primary
 *   (lib/server/start.mjs, relay) to every other worker; and the primary to all its workers with the
 *   tags another instance sent on the cache bus.
 * Heard by: the primary (lib/server/start.mjs: relays it and publishes the tags on the cache bus) and
 *   each worker's page-cache handler (receivePageCacheMessage: drops the pages).
 */
export const PAGE_CACHE_MESSAGE = "kommunbladet:page-cache-revalidate-tags";

/**
 * The message a page-cache revalidation travels in between cluster processes.
 * @param {string[]} tags
 */
export function pageCacheMessage(tags) {
  return { type: PAGE_CACHE_MESSAGE, tags };
}

// ── PostgreSQL LISTEN/NOTIFY (between instances on one database) ───────────────────────────────

/**
 * The NOTIFY channel of the cache bus. Payload: JSON `{ from: string; tags: string[] }`, `from` the
 * sending bus's random id (so an instance ignores its own), split to stay under PostgreSQL's 8000 bytes.
 * Sent by: lib/server/cache-bus.mjs (publish), run by the primary of a cluster or by a single-process
 *   server (lib/server/start.mjs).
 * Heard by: lib/server/cache-bus.mjs (LISTEN) in every other instance, which hands the tags to
 *   onRemote: PAGE_CACHE_REMOTE or PAGE_CACHE_MESSAGE as above.
 */
export const CACHE_BUS_CHANNEL = "kommunbladet_page_cache";

// ── Payload values ─────────────────────────────────────────────────────────────────────────────

/**
 * A tag that stands for every page, in any of the payloads above: sent when an instance cannot name
 * all it missed (its bus reconnected, or too much was revalidated while it was away).
 */
export const ALL_PAGES = "*";

// ── How Next finds the page-cache handler ──────────────────────────────────────────────────────

/**
 * The page-cache handler's file, for next.config.ts `cacheHandler`: Next loads it by this path with
 * import() at run time, outside its bundles, so no import shows the connection. A function, not a
 * constant: this module is also bundled into the proxy (through the handler), where
 * import.meta.dirname is undefined, so the path may only be worked out when next.config.ts asks.
 */
export function pageCacheHandlerPath() {
  return path.join(import.meta.dirname, "page-cache-handler.mjs");
}
