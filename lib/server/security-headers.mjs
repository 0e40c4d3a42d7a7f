// Security headers that depend on the running server or on the bytes of a page, set in front of
// Next by scripts/start.mjs (the ones that depend on neither are in next.config.ts `headers()`).
//
// - Strict-Transport-Security when PUBLIC_URL is https: read at start, not at build, because the
//   same build runs behind http on a laptop and https in production.
// - The Content Security Policy of every HTML page that Next did not give one (proxy.ts gives staff
//   pages a nonce policy). Those are the reader pages, sent from the page cache as the same bytes
//   every time, so the policy names their inline scripts by hash (lib/security/content-security-policy.mjs).
//   The hashes are those of the HTML actually sent: the answer is held back until Next has written
//   all of it (a reader page is some tens of kB, written at once from the cache), the hashes go
//   into the header, and the answer goes out. The micro-cache behind this layer keeps the header
//   with the bytes, so a micro-cache hit costs nothing extra; only what Next itself renders or
//   sends from its page cache is read once more here.
//
// Next compresses after this layer has been passed by (its compression middleware wraps the
// response inside Next's handler), so the bytes seen here may be gzip or deflate: they are
// decompressed for reading only, and the compressed bytes are sent as they were.
import { createHash } from "node:crypto";
import zlib from "node:zlib";
import { contentSecurityPolicy, hashSources, scriptHashes } from "../security/content-security-policy.mjs";
import { cleanPath, log } from "../log/log.mjs";

/** One year; without includeSubDomains, which would bind services on other names we do not know. */
export const HSTS = "max-age=31536000";

const MAX_BODY = 4 * 1024 * 1024;
const MAX_REMEMBERED = 256;
const DECODERS = { gzip: zlib.gunzipSync, "x-gzip": zlib.gunzipSync, deflate: zlib.inflateSync, br: zlib.brotliDecompressSync };

/**
 * The policy for a reader page's HTML (decompressed): its framework scripts by hash.
 * @param {string} html
 * @param {string | undefined} publicUrl
 */
export function publicPolicy(html, publicUrl) {
  const { hashes, refused } = scriptHashes(html);
  return { policy: contentSecurityPolicy({ scriptSources: hashSources(hashes), publicUrl }), refused };
}

/**
 * Whether an answer is an HTML page this layer must give a policy: a GET's page with a body that
 * has no policy yet.
 * @param {string | undefined} method
 * @param {number} status
 * @param {Record<string, unknown>} headers lower-case names, as `res.getHeaders()` gives them
 */
export function needsPolicy(method, status, headers) {
  if (method !== "GET" || status < 200 || status === 204 || status === 304) return false;
  if (headers["content-security-policy"] !== undefined) return false;
  return /^\s*text\/html\b/i.test(String(headers["content-type"] ?? ""));
}

/**
 * @param {{ publicUrl?: string; maxBody?: number; warn?: (message: string) => void; policyOf?: typeof publicPolicy }} [options]
 *   policyOf: for the tests, to count how often a page is read.
 */
export function createSecurityHeaders({
  publicUrl = process.env.PUBLIC_URL,
  maxBody = MAX_BODY,
  warn = (message) => log.warn("security.csp", { message }),
  policyOf = publicPolicy,
} = {}) {
  const https = /^https:/i.test(publicUrl ?? "");
  // A page policy for when the HTML cannot be read: no inline script runs, the page still reads.
  const closed = contentSecurityPolicy({ scriptSources: hashSources([]), publicUrl });
  /** @type {Set<string>} */
  const reported = new Set();
  // The policies of the last pages read, by a digest of the bytes as sent: a page from Next's page
  // cache comes as the same bytes until it changes, and a digest of the compressed bytes costs a
  // fraction of decompressing and reading them (with the micro-cache off, every request is one).
  /** @type {Map<string, string>} */
  const remembered = new Map();
  const report = (url, scripts) => {
    for (const text of scripts) {
      const shape = text.slice(0, 40);
      if (reported.has(shape) || reported.size >= 100) continue;
      reported.add(shape);
      warn(`Content-Security-Policy: ett inline-skript på ${cleanPath(url)} har en form som inte känns igen och får inte köras: ${JSON.stringify(text.slice(0, 120))}`);
    }
  };

  return {
    /**
     * Sets what can be set now, and arranges for the policy of an HTML page.
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     */
    handle(req, res) {
      if (https) res.setHeader("strict-transport-security", HSTS);
      if (req.method === "GET") holdPages(req, res);
    },
  };

  /**
   * @param {import("node:http").IncomingMessage} req
   * @param {import("node:http").ServerResponse} res
   */
  function holdPages(req, res) {
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    const flushHeaders = res.flushHeaders;
    /** @type {"undecided" | "pass" | "hold"} */
    let mode = "undecided";
    /** @type {string | undefined} */
    let reason;
    /** @type {Buffer[]} */
    let chunks = [];
    let size = 0;

    // Compression and Next wrap these after us and call them, so they stay in place and pass
    // calls on once the answer is not (or no longer) held.
    res.writeHead = function (status, reasonOrHeaders, headers) {
      if (mode === "pass") return writeHead.apply(this, arguments);
      const given = typeof reasonOrHeaders === "string" ? headers : reasonOrHeaders;
      if (Array.isArray(given)) for (let i = 0; i + 1 < given.length; i += 2) this.setHeader(String(given[i]), given[i + 1]);
      else if (given) for (const [name, value] of Object.entries(given)) if (value !== undefined) this.setHeader(name, value);
      if (typeof reasonOrHeaders === "string") reason = reasonOrHeaders;
      this.statusCode = status;
      if (mode === "undecided") mode = needsPolicy(req.method, status, this.getHeaders()) ? "hold" : "pass";
      return mode === "pass" ? (reason === undefined ? writeHead.call(this, status) : writeHead.call(this, status, reason)) : this;
    };
    res.flushHeaders = function () {
      if (mode === "undecided" && !this.headersSent) this.writeHead(this.statusCode);
      if (mode !== "hold") return flushHeaders.call(this);
    };
    res.write = function (chunk, encoding, callback) {
      if (mode === "undecided" && !this.headersSent) this.writeHead(this.statusCode);
      if (mode !== "hold") return write.apply(this, arguments);
      hold(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (typeof done === "function") process.nextTick(done);
      if (size > maxBody) release(closed);
      return true;
    };
    res.end = function (chunk, encoding, callback) {
      if (mode === "undecided" && !this.headersSent) this.writeHead(this.statusCode);
      if (mode !== "hold") return end.apply(this, arguments);
      hold(chunk, encoding);
      const done = [chunk, encoding, callback].find((arg) => typeof arg === "function");
      const body = Buffer.concat(chunks);
      chunks = [];
      const coding = String(this.getHeader("content-encoding") ?? "")
        .trim()
        .toLowerCase();
      const key = `${coding} ${createHash("sha256").update(body).digest("base64")}`;
      let policy = remembered.get(key);
      if (policy === undefined) {
        policy = closed;
        try {
          const decode = DECODERS[coding];
          const page = policyOf((decode ? decode(body) : body).toString("utf8"), publicUrl);
          policy = page.policy;
          if (page.refused.length > 0) report(req.url, page.refused);
          remembered.set(key, policy);
          if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value);
        } catch (error) {
          warn(`Content-Security-Policy: sidan ${cleanPath(req.url ?? "")} kunde inte läsas (${/** @type {Error} */ (error).message}); inga inline-skript tillåts.`);
        }
      }
      this.setHeader("content-security-policy", policy);
      if (!this.hasHeader("content-length") && !this.hasHeader("transfer-encoding")) this.setHeader("content-length", body.length);
      mode = "pass";
      if (reason === undefined) writeHead.call(this, this.statusCode);
      else writeHead.call(this, this.statusCode, reason);
      return end.call(this, body, done);
    };

    function hold(chunk, encoding) {
      if (chunk == null || typeof chunk === "function") return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8")
          : Buffer.from(chunk);
      size += buffer.length;
      chunks.push(buffer);
    }

    /** Too large to hold: sent as it comes, with a policy that lets no inline script run. */
    function release(policy) {
      warn(`Content-Security-Policy: sidan ${cleanPath(req.url ?? "")} är för stor för att läsas; inga inline-skript tillåts.`);
      res.setHeader("content-security-policy", policy);
      mode = "pass";
      if (reason === undefined) writeHead.call(res, res.statusCode);
      else writeHead.call(res, res.statusCode, reason);
      for (const chunk of chunks) write.call(res, chunk);
      chunks = [];
    }
  }
}
