// The Content Security Policy of every page, in two forms that differ only in how inline scripts
// are allowed (plain JavaScript: scripts/start.mjs loads it without a build step, proxy.ts imports it):
//
// - Staff pages are rendered per request anyway: a fresh nonce per response, which Next and React
//   put on every script they write (proxy.ts), with 'strict-dynamic' so the scripts they load may
//   load theirs.
// - Reader pages are cached and sent again as the same bytes, which a nonce would forbid. Their
//   inline scripts are the framework's own and are allowed by hash, computed from the HTML that is
//   sent (lib/server/security-headers.mjs). Only scripts of a shape the framework writes — a data
//   push whose argument is plain JSON — are hashed: a script smuggled into a text's HTML matches no
//   shape, gets no hash and does not run.
//
// No 'unsafe-inline' for scripts anywhere. Styles keep it: Tiptap, next/image and the stored
// documents use style attributes, and CSS cannot run script in current browsers.
import { createHash } from "node:crypto";

/**
 * The policy as a header value.
 * @param {{ scriptSources: string[]; publicUrl?: string; development?: boolean }} options
 *   publicUrl: the site's address as e-mails link to it (PUBLIC_URL), allowed for images and forms
 *   even when the site is reached under another name (127.0.0.1 instead of localhost, a proxy).
 *   development: `next dev`, whose React needs eval for its error overlay and call stacks.
 */
export function contentSecurityPolicy({ scriptSources, publicUrl, development = false }) {
  const site = originOf(publicUrl);
  const own = site ? ["'self'", site] : ["'self'"];
  return [
    "default-src 'self'",
    `script-src ${[...scriptSources, ...(development ? ["'unsafe-eval'"] : [])].join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${[...own, "data:", "blob:"].join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${own.join(" ")}`,
    // Nothing of ours is meant to be shown inside another site's page: not the one-click approval
    // page, not a form a framing page could trick a reader into sending.
    "frame-ancestors 'none'",
  ].join("; ");
}

/** script-src for a page rendered for this request only. 'self' is for browsers older than CSP 3. */
export function nonceSources(nonce) {
  return ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
}

/**
 * script-src for a cached page: its own scripts by address, its inline scripts by hash. No
 * 'strict-dynamic': the chunks Next loads later are allowed as 'self'.
 * @param {string[]} hashes sources as `scriptHashes` gives them
 */
export function hashSources(hashes) {
  return ["'self'", ...hashes];
}

/** A new nonce: 128 random bits, base64 as CSP wants it. */
export function createNonce() {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

function originOf(url) {
  if (!url) return undefined;
  try {
    const { origin } = new URL(url);
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

// The inline scripts Next (App Router, Turbopack) writes into a page: the loader of the page's
// chunks and the React Server Components payload, each a push of one JSON value. Its JSON is the
// only part that varies, and JSON cannot call anything.
const FRAMEWORK_SHAPES = [
  { head: "(self.__next_f=self.__next_f||[]).push(", tail: ")" },
  { head: "self.__next_f.push(", tail: ")" },
  { head: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', tail: ");" },
  { head: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', tail: ")" },
];

/**
 * Whether an inline script is one Next writes: a known push of a JSON value and nothing else.
 * @param {string} text the script's text as the browser reads it
 */
export function isFrameworkScript(text) {
  for (const { head, tail } of FRAMEWORK_SHAPES) {
    if (!text.startsWith(head) || !text.endsWith(tail) || text.length < head.length + tail.length) continue;
    try {
      JSON.parse(text.slice(head.length, text.length - tail.length));
      return true;
    } catch {
      // not this shape (or code posing as it)
    }
  }
  return false;
}

// Script content is raw text in HTML: it runs to the first `</script` followed by whitespace, `/`
// or `>`, whatever the case; no character references are decoded inside it.
const SCRIPT = /<script(?=[\s/>])([^>]*)>([\s\S]*?)<\/script(?=[\s/>])/gi;
// Types a browser runs as script (an absent or empty type is JavaScript); JSON-LD and the like are data.
const JAVASCRIPT_TYPES = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/(?:javascript1\.[0-5]|jscript|livescript))$/i;

/**
 * The inline scripts of a page that a browser would run, as the text it hashes.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScripts(html) {
  /** @type {string[]} */
  const scripts = [];
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (/(?:^|\s)src\s*=/i.test(attributes)) continue;
    const type = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attributes);
    if (type && !JAVASCRIPT_TYPES.test((type[1] ?? type[2] ?? type[3] ?? "").trim())) continue;
    // The HTML parser turns CR LF and lone CR into LF (and NUL into U+FFFD) before the hash is taken.
    scripts.push(text.replace(/\r\n?/g, "\n").replace(/\0/g, "\uFFFD"));
  }
  return scripts;
}

/** The CSP hash source of a script's text. */
export function sha256Source(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * Hash sources for the framework's inline scripts of a page, and the scripts left without one.
 * @param {string} html
 * @returns {{ hashes: string[]; refused: string[] }}
 */
export function scriptHashes(html) {
  const hashes = new Set();
  /** @type {string[]} */
  const refused = [];
  for (const text of inlineScripts(html)) {
    if (isFrameworkScript(text)) hashes.add(sha256Source(text));
    else refused.push(text);
  }
  return { hashes: [...hashes], refused };
}
