// A very short-lived copy of cached reader pages in front of Next's request pipeline (scripts/start.mjs).
//
// Next serves a page from its page cache (lib/server/page-cache-handler.mjs) in about a millisecond of
// CPU: routing, the page handler, headers, compression. Under load that millisecond is the limit of a
// process, and 32 readers at once wait ~45 ms for each other. This layer keeps the bytes Next sent
// for a cached public page for one second (PAGE_MICROCACHE_MS) and sends them again without asking
// Next, the way nginx's "micro-caching" does in front of an application.
//
// What it may keep is decided by Next, never guessed: only a GET of a page Next itself answered from
// (or put into) its page cache — `x-nextjs-cache` set, `Cache-Control` with `s-maxage`, no cookie set,
// status 200. Client-side navigation (RSC requests), server actions, conditional and range requests,
// the staff area, the API and log-in always go to Next. Staleness: a publication clears it at once
// (the page cache handler signals every drop, in every worker of a cluster); otherwise a page is at
// most the TTL older than what Next would send, or twice the TTL while one request is asking Next
// for it again.
//
// When a page's copy runs out, one request goes to Next for it and the others are sent the copy they
// had until that one is answered. Without that, every request arriving in those milliseconds went to
// Next: with 32 readers at once, each second a few dozen renders blocked the process for 70–120 ms,
// which was the whole of the page's p99.
import { PAGE_CACHE_DROPPED } from "./events.mjs";
import { REQUEST_ID_HEADER } from "../log/request-id.mjs";

const BYPASS_PREFIXES = ["/redaktion", "/api/", "/_next/", "/logga-in", "/logga-ut"];
const BYPASS_HEADERS = [
  "rsc",
  "next-action",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "range",
  "if-none-match",
  "if-modified-since",
  "authorization",
];
// The request id belongs to one request: a hit carries its own (stamped before the cache answers).
const DROPPED_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", REQUEST_ID_HEADER]);
const MAX_BODY = 1024 * 1024;

/**
 * Whether a request may be answered from (and its answer kept in) the micro-cache.
 * @param {{ method?: string; url?: string; headers: Record<string, string | string[] | undefined> }} req
 */
export function cacheableRequest(req) {
  if (req.method !== "GET" || !req.url || req.url.length > 2048) return false;
  const path = req.url.split("?")[0];
  if (BYPASS_PREFIXES.some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix))) return false;
  if (/[?&]_rsc=/.test(req.url)) return false;
  return !BYPASS_HEADERS.some((name) => req.headers[name] !== undefined);
}

/**
 * Whether Next's answer is a cached public page.
 * @param {number} status
 * @param {Record<string, unknown>} headers lower-case names, as `res.getHeaders()` gives them
 */
export function cacheableResponse(status, headers) {
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["x-nextjs-cache"] === undefined) return false;
  return /\bs-maxage=\d+/.test(String(headers["cache-control"] ?? ""));
}

/**
 * The content codings a client accepts, from its Accept-Encoding (RFC 9110 §12.5.3): a coding
 * listed with q=0 is refused, `*` stands for every coding not listed, and identity is acceptable
 * unless refused by name or by `*;q=0`. Exported for the tests.
 * @param {string | string[] | undefined} header
 * @returns {(coding: string) => boolean}
 */
export function acceptedEncodings(header) {
  /** @type {Map<string, boolean>} */
  const listed = new Map();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    listed.set(name, !q || Number(q.slice(2)) > 0);
  }
  return (coding) => listed.get(coding) ?? listed.get("*") ?? coding === "identity";
}

/** Compressed codings an entry may be kept in, the smaller first. */
const COMPRESSED = ["br", "gzip", "deflate"];
/** The codings Next's compression middleware sends (gzip if accepted, else deflate), and so may choose not to. */
const NEXT_CODINGS = ["gzip", "deflate"];

const keyOf = (encoding, url) => `${encoding} ${url}`;

/**
 * Kept under the coding Next actually sent (its Content-Encoding), which is what the bytes are.
 * plainByChoice: Next sent it uncompressed to a client that accepted its compression.
 * @typedef {{ at: number; status: number; head: unknown[]; body: Buffer; plainByChoice: boolean }} Entry
 */

/**
 * `request` and `response` decide what may be kept: by default cached public pages; the search cache
 * in scripts/start.mjs passes its own (lib/server/search-cache.mjs).
 * @param {{ ttlMs?: number; maxEntries?: number; now?: () => number; request?: typeof cacheableRequest; response?: typeof cacheableResponse }} [options]
 */
export function createMicroCache({ ttlMs = 1000, maxEntries = 1000, now = Date.now, request = cacheableRequest, response = cacheableResponse } = {}) {
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  // A response that began before a clear must not be kept after it: it may hold the old page.
  let generation = 0;
  /** Pages (by URL) a request is asking Next for again, and since when. */
  /** @type {Map<string, number>} */
  const refreshing = new Map();
  const clear = () => {
    generation += 1;
    entries.clear();
  };
  process.on(PAGE_CACHE_DROPPED, clear);

  return {
    clear,
    size: () => entries.size,
    close: () => process.off(PAGE_CACHE_DROPPED, clear),
    /**
     * Answers from the cache if it can (returns true); otherwise arranges to keep Next's answer.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     */
    handle(req, res) {
      if (ttlMs <= 0 || !request(req)) return false;
      const accepts = acceptedEncodings(req.headers["accept-encoding"]);
      const wouldCompress = NEXT_CODINGS.some(accepts);
      // Plain bytes go to a client that takes compressed ones only when Next itself chose not to
      // compress that page (too small, say), never because a client without compression came first.
      const url = String(req.url);
      const since = refreshing.get(url);
      // Another request is asking Next for this page (and has not been at it for a whole TTL).
      const underWay = since !== undefined && now() - since < ttlMs;
      const maxAge = underWay ? 2 * ttlMs : ttlMs;
      const held =
        COMPRESSED.filter(accepts)
          .map((encoding) => kept(keyOf(encoding, url), maxAge))
          .find(Boolean) ?? (accepts("identity") ? kept(keyOf("identity", url), maxAge, (entry) => !wouldCompress || entry.plainByChoice) : undefined);
      if (held) {
        res.writeHead(held.status, held.head);
        res.end(held.body);
        return true;
      }
      if (!underWay) {
        const started = now();
        refreshing.set(url, started);
        res.once("close", () => {
          if (refreshing.get(url) === started) refreshing.delete(url);
        });
      }
      capture(req, res, wouldCompress);
      return false;
    },
  };

  /**
   * The entry under `key` if it is younger than `maxAge` (and passes `usable`). One older than twice
   * the TTL can serve no one any more and is dropped.
   * @param {string} key
   * @param {number} maxAge
   * @param {(entry: Entry) => boolean} [usable]
   */
  function kept(key, maxAge, usable = () => true) {
    const entry = entries.get(key);
    if (!entry) return undefined;
    const age = now() - entry.at;
    if (age >= 2 * ttlMs) entries.delete(key);
    if (age >= maxAge) return undefined;
    return usable(entry) ? entry : undefined;
  }

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   * @param {boolean} wouldCompress whether the client accepted a coding Next compresses with
   */
  function capture(req, res, wouldCompress) {
    const started = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    // Headers given to writeHead directly would not show in getHeaders(): set them one by one,
    // which is what writeHead does with them anyway.
    res.writeHead = function (status, reason, headers) {
      const given = typeof reason === "object" ? reason : headers;
      if (given && !Array.isArray(given)) for (const [name, value] of Object.entries(given)) if (value !== undefined) this.setHeader(name, value);
      return typeof reason === "string" ? writeHead.call(this, status, reason) : writeHead.call(this, status);
    };
    const keep = (chunk, encoding) => {
      if (chunk == null || typeof chunk === "function" || size > MAX_BODY) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
      size += buffer.length;
      chunks.push(buffer);
    };
    res.write = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return write.call(this, chunk, encoding, callback);
    };
    res.end = function (chunk, encoding, callback) {
      keep(chunk, encoding);
      return end.call(this, chunk, encoding, callback);
    };
    res.on("finish", () => {
      if (generation !== started || size > MAX_BODY || req.method !== "GET") return;
      const headers = res.getHeaders();
      if (!response(res.statusCode, headers)) return;
      const kept = Object.fromEntries(Object.entries(headers).filter(([name]) => !DROPPED_HEADERS.has(name)));
      const encoding =
        String(headers["content-encoding"] ?? "identity")
          .trim()
          .toLowerCase() || "identity";
      const key = keyOf(encoding, req.url);
      entries.delete(key); // re-inserted last, so the oldest entry is the first to go
      const body = Buffer.concat(chunks);
      // The head of a hit as writeHead takes it, made once: a hit costs as little as it can.
      const head = [...Object.entries(kept).flat(), "content-length", body.length, "x-micro-cache", "HIT"];
      entries.set(key, { at: now(), status: res.statusCode, head, body, plainByChoice: encoding === "identity" && wouldCompress });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value);
    });
  }
}
