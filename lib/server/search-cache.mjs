// A short cache of identical searches, in front of the search gate (scripts/start.mjs): a storm of
// the same query costs one search, not thousands. It is the micro-cache (lib/server/micro-cache.mjs)
// with its own rule of what may be kept. The search page is the same for every visitor (it reads no
// session or cookie), so its answer may be sent again although Next marks it `no-store` for
// browsers and proxies; like the page cache, it is emptied at once by every publication.
import { cacheableRequest, createMicroCache } from "./micro-cache.mjs";
import { isSearchRequest } from "./search-gate.mjs";

/** A full search page, asked for by a browser (not client-side navigation, not a conditional request). */
export function keepableSearch(req) {
  return req.method === "GET" && isSearchRequest(req) && cacheableRequest(req);
}

/**
 * @param {number} status
 * @param {Record<string, unknown>} headers
 */
export function keepableSearchAnswer(status, headers) {
  return status === 200 && headers["set-cookie"] === undefined && /^text\/html\b/.test(String(headers["content-type"] ?? ""));
}

/**
 * SEARCH_CACHE_MS: how long an identical search is answered from memory (default 30000; 0: never).
 * @param {Record<string, string | undefined>} env
 */
export function searchCacheTtl(env) {
  const raw = env.SEARCH_CACHE_MS?.trim();
  const ttl = raw ? Number(raw) : 30_000;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 600_000) throw new Error(`SEARCH_CACHE_MS must be a whole number of milliseconds from 0 to 600000, not "${raw}".`);
  return ttl;
}

/** @param {{ ttlMs: number; now?: () => number }} options */
export function createSearchCache({ ttlMs, now }) {
  return createMicroCache({ ttlMs, now, maxEntries: 500, request: keepableSearch, response: keepableSearchAnswer });
}
