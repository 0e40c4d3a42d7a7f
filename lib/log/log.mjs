// One JSON line per event, for whatever collects the process's output (journald, Docker, a log
// shipper): info on stdout, warnings and errors on stderr. Plain JavaScript so that scripts/start.mjs
// and the backup scripts, which Node runs without a build step, log in the same shape as the app.
//
// What reaches a line is a closed list of fields — ids, kinds, outcomes, counts, timings — never an
// e-mail address, a name or a text's body. Text that can carry one anyway (an SMTP error quoting the
// recipient, a path with a query string or a link token) is cleaned here, once, for every caller.

/** Fields that may hold text; anything else given to the logger is dropped. */
const TEXT_FIELDS = /** @type {const} */ ([
  "message",
  "requestId",
  "userId",
  "jobId",
  "kind",
  "outcome",
  "path",
  "method",
  "routePath",
  "routeType",
  "routerKind",
  "renderSource",
  "digest",
]);
const NUMBER_FIELDS = /** @type {const} */ (["durationMs", "status", "attempts"]);

const MAX_TEXT = 500;
const MAX_MESSAGE = 2000;
const MAX_STACK = 8000;

// Unicode letters too: subscribers may have addresses such as åsa@exempelby.se.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
export const EMAIL_PLACEHOLDER = "[e-postadress]";
export const TOKEN_PLACEHOLDER = "[token]";

/** Text with every e-mail address replaced, cut to `max` characters. */
export function scrub(text, max = MAX_TEXT) {
  const cleaned = String(text).replace(EMAIL, EMAIL_PLACEHOLDER);
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}

/**
 * A URL path fit for a log: no query string or fragment (they can hold addresses and tokens), and no
 * link token (/prenumerera/avsluta/<token>, /redaktion/granska/lank/<token>): a segment of 20 or
 * more URL-safe characters with a capital letter is one, since slugs and UUIDs are lower-case.
 */
export function cleanPath(path) {
  const bare = String(path).split(/[?#]/, 1)[0] ?? "";
  const segments = bare.split("/").map((segment) => (/^[A-Za-z0-9_.~%-]{20,}$/.test(segment) && /[A-Z]/.test(segment) ? TOKEN_PLACEHOLDER : segment));
  return scrub(segments.join("/"));
}

function errorFields(error) {
  if (!(error instanceof Error)) return { name: "NonError", message: scrub(String(error), MAX_MESSAGE) };
  const digest = /** @type {{ digest?: unknown }} */ (error).digest;
  return {
    name: scrub(error.name),
    message: scrub(error.message, MAX_MESSAGE),
    ...(typeof digest === "string" ? { digest: scrub(digest) } : {}),
    ...(error.stack ? { stack: scrub(error.stack, MAX_STACK) } : {}),
  };
}

/**
 * The record one event becomes. Exported for the tests; callers use `log`.
 * @param {"info" | "warn" | "error"} level
 * @param {string} event
 * @param {Record<string, unknown>} fields
 * @param {Date} now
 */
export function logRecord(level, event, fields = {}, now = new Date()) {
  /** @type {Record<string, unknown>} */
  const record = { time: now.toISOString(), level, event: scrub(event) };
  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (value === undefined || value === null || value === "") continue;
    record[key] = key === "path" ? cleanPath(value) : scrub(value, key === "message" ? MAX_MESSAGE : MAX_TEXT);
  }
  for (const key of NUMBER_FIELDS) {
    const value = fields[key];
    if (typeof value === "number" && Number.isFinite(value)) record[key] = key === "durationMs" ? Math.round(value) : value;
  }
  if (fields.counts && typeof fields.counts === "object") {
    const counts = Object.entries(fields.counts).filter(([name, value]) => /^[A-Za-z]{1,40}$/.test(name) && Number.isFinite(value));
    if (counts.length > 0) record.counts = Object.fromEntries(counts);
  }
  if (fields.error !== undefined) record.error = errorFields(fields.error);
  return record;
}

function defaultWrite(level, line) {
  // Not console.*: Next and test runners decorate console output; a log line must stay one line.
  const stream = level === "info" ? globalThis.process?.stdout : globalThis.process?.stderr;
  if (stream?.write) stream.write(`${line}\n`);
  else if (level === "info") console.log(line);
  else console.error(line);
}

/** A logger writing through `write` (tests pass their own); `log` below writes to stdout/stderr. */
export function createLogger(write = defaultWrite) {
  const emit = (level) => (event, fields) => {
    try {
      write(level, JSON.stringify(logRecord(level, event, fields)));
    } catch {
      // Logging must never be why a request or a job fails.
    }
  };
  return { info: emit("info"), warn: emit("warn"), error: emit("error") };
}

export const log = createLogger();

/** Milliseconds since `started` (from performance.now()), for durationMs. */
export function since(started) {
  return performance.now() - started;
}
