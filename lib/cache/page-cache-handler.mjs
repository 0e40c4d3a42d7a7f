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
  // here frees the memory at once.
  async revalidateTag(tags) {
    const wanted = new Set([tags].flat());
    for (const [key, held] of store) if (held.entry.tags.some((tag) => wanted.has(tag))) remove(key);
  }

  resetRequestCache() {}
}

/** For tests and the benchmark. */
export function pageCacheStats() {
  return { entries: store.size, bytes: totalBytes };
}
