// The page cache of the reader site (next.config.ts `cacheHandler`). Plain JavaScript: Next loads
// it at run time with import(), outside the bundles.
//
// Why not Next's default file-system cache: that one serves the pages prerendered by `next build`,
// and the build has no access to the real database (the embedded one serves exactly one process,
// and the build runs in several). This cache starts empty in every process, so every public page
// is rendered from the live database on its first request and then served from memory until a
// publication revalidates it (revalidatePath) or its `revalidate` time passes.
//
// Bounded: least recently used entries go first beyond MAX_BYTES or MAX_ENTRIES, so requests for
// endless made-up URLs (cached 404s) cannot grow the process.
//
// Several processes: `npm start` may run Next in several cluster workers (lib/server/start.mjs), each
// with its own copy of this cache. A revalidation in one worker (a publication, the scheduler's
// signed request) is sent to the cluster's primary, which passes it to the other workers, and they
// drop the same entries at once.
//
// Several instances (machines or containers on one PostgreSQL): each instance's revalidations are
// announced on `process` (PAGE_CACHE_REVALIDATED) for lib/server/cache-bus.mjs to send to the other
// instances, and theirs arrive as PAGE_CACHE_REMOTE (in a cluster, through the primary's message).
// Events on `process` rather than imports, because Next loads this file as a module of its own; every
// event and message is named and described in lib/server/events.mjs.
import cluster from "node:cluster";
import { ALL_PAGES, PAGE_CACHE_DROPPED, PAGE_CACHE_MESSAGE, PAGE_CACHE_REMOTE, PAGE_CACHE_REVALIDATED, pageCacheMessage } from "./events.mjs";

const MAX_ENTRIES = 5_000;
const MAX_BYTES = 128 * 1024 * 1024;

/** @type {Map<string, { entry: { value: unknown; lastModified: number; tags: string[]; cacheControl?: unknown }; bytes: number }>} */
const store = new Map();
let totalBytes = 0;

function sizeOf(value) {
  if (!value || typeof value !== "object") return 64;
  let bytes = 256;
  for (const part of [value.html, value.rscData, value.body, value.pageData]) {
    if (typeof part === "string") bytes += part.length * 2;
    else if (part && typeof part.byteLength === "number") bytes += part.byteLength;
  }
  if (value.segmentData instanceof Map) for (const segment of value.segmentData.values()) bytes += segment?.byteLength ?? 0;
  return bytes;
}

function tagsOf(value, ctxTags) {
  const header = value && typeof value === "object" && value.headers ? value.headers["x-next-cache-tags"] : undefined;
  return [...(ctxTags ?? []), ...(typeof header === "string" ? header.split(",") : [])];
}

function remove(key) {
  const held = store.get(key);
  if (!held) return;
  store.delete(key);
  totalBytes -= held.bytes;
}

function dropTagged(tags) {
  const wanted = new Set(tags);
  if (wanted.has(ALL_PAGES)) {
    store.clear();
    totalBytes = 0;
  }
  for (const [key, held] of store) if (held.entry.tags.some((tag) => wanted.has(tag))) remove(key);
  if (wanted.size > 0) process.emit(PAGE_CACHE_DROPPED);
}

/** A revalidation another worker sent through the primary. Exported for the tests. */
export function receivePageCacheMessage(message) {
  if (!message || typeof message !== "object" || message.type !== PAGE_CACHE_MESSAGE || !Array.isArray(message.tags)) return false;
  dropTagged(message.tags.filter((tag) => typeof tag === "string"));
  return true;
}

if (cluster.isWorker) process.on("message", receivePageCacheMessage);
process.on(PAGE_CACHE_REMOTE, (tags) => {
  if (Array.isArray(tags)) dropTagged(tags.filter((tag) => typeof tag === "string"));
});

export default class PageCacheHandler {
  async get(key) {
    const held = store.get(key);
    if (!held) return null;
    // Map keeps insertion order: re-inserting marks the entry as recently used.
    store.delete(key);
    store.set(key, held);
    return held.entry;
  }

  async set(key, value, ctx) {
    remove(key);
    if (value == null) return;
    const bytes = sizeOf(value);
    if (bytes > MAX_BYTES / 4) return;
    store.set(key, { entry: { value, lastModified: Date.now(), tags: tagsOf(value, ctx?.tags), cacheControl: ctx?.cacheControl }, bytes });
    totalBytes += bytes;
    for (const oldest of store.keys()) {
      if (store.size <= MAX_ENTRIES && totalBytes <= MAX_BYTES) break;
      remove(oldest);
    }
  }

  // Next also remembers revalidated tags itself and treats older entries as expired; dropping them
  // here frees the memory at once, and is what tells the other workers of a cluster.
  async revalidateTag(tags) {
    const list = [tags].flat().filter((tag) => typeof tag === "string");
    dropTagged(list);
    if (list.length === 0) return;
    if (cluster.isWorker && typeof process.send === "function") process.send(pageCacheMessage(list));
    else process.emit(PAGE_CACHE_REVALIDATED, list);
  }

  resetRequestCache() {}
}

/** For tests and the benchmark. */
export function pageCacheStats() {
  return { entries: store.size, bytes: totalBytes };
}
