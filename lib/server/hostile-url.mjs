// Addresses no page of ours can have, answered with a 404 before Next routes them (scripts/start.mjs).
//
// A NUL byte reaches PostgreSQL as part of a slug and fails the query (a 500 with a stack trace in
// the log); a percent sequence that is not UTF-8 (/blogg/%FF) fails Next's decoding of the segment;
// a 10 kB segment is a 10 kB lookup. None of them is a typo a reader could have made, so the answer
// is a plain "Sidan finns inte" page, made here without a query, a render or a log line.

/** Longer than any slug, tag or token of ours (those are at most a few hundred characters encoded). */
export const MAX_SEGMENT_LENGTH = 1024;

// C0 and C1 control characters and DEL: never part of an address we make.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Absolute-form request targets ("GET http://host/path HTTP/1.1", as sent to proxies).
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

const PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sidan finns inte</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b4f8a}</style>
</head>
<body>
<main>
<h1>Sidan finns inte</h1>
<p>Adressen är felaktig. Kontrollera den, eller gå till <a href="/">startsidan</a>.</p>
</main>
</body>
</html>
`;
const PAGE_BYTES = Buffer.from(PAGE, "utf8");

/** @param {string} value */
function decodes(value) {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why an address is refused, or null when it may go on to Next. The path must decode as UTF-8, hold
 * no control character once decoded, and have no segment over MAX_SEGMENT_LENGTH; the query must
 * decode and hold no NUL (other controls in a query, a pasted tab, harm nothing).
 * @param {string | undefined} url the request target, as `req.url` gives it
 * @returns {"bad-encoding" | "control-character" | "long-segment" | null}
 */
export function hostileUrlReason(url) {
  if (!url) return null;
  const target = url.replace(SCHEME_AND_AUTHORITY, "");
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = queryAt === -1 ? "" : target.slice(queryAt + 1);
  if (path.split("/").some((segment) => segment.length > MAX_SEGMENT_LENGTH)) return "long-segment";
  if (!decodes(path) || !decodes(query)) return "bad-encoding";
  if (CONTROL.test(decodeURIComponent(path)) || decodeURIComponent(query).includes("\u0000")) return "control-character";
  return null;
}

/**
 * Answers a hostile address with a small, self-contained Swedish 404 page and returns true; returns
 * false (and touches nothing) for any other request.
 * @param {{ url?: string; method?: string }} req
 * @param {{ writeHead(status: number, headers: Record<string, string | number>): unknown; end(body?: Buffer): unknown }} res
 */
export function refuseHostileUrl(req, res) {
  if (hostileUrlReason(req.url) === null) return false;
  res.writeHead(404, {
    "content-type": "text/html; charset=utf-8",
    "content-length": PAGE_BYTES.length,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(req.method === "HEAD" ? undefined : PAGE_BYTES);
  return true;
}
