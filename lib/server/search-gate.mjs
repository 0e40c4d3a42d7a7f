// A bounded number of searches at a time, in front of Next (scripts/start.mjs).
//
// A search is the one reader request that costs real work on every call: a full-text query and a
// page rendered for it. Two hundred at once used to queue inside the database and inside Next, and
// every reader of a cached page waited behind them. Here at most `concurrency` searches are inside
// Next at once; the next `maxQueue` wait their turn (a waiting request costs a timer, nothing more);
// one that waited `maxWaitMs` in vain, or finds the queue full, gets a small Swedish "try again"
// page with status 429 and Retry-After. Identical searches are answered from a short cache in front
// of this gate (see searchCachePolicy), so a storm of one query costs one search.
//
// Besides how many at once, how many may start per second (`ratePerSecond`, a token bucket that
// holds one second's worth). A search costs the process about 15–20 ms of its one thread (Next's
// render; the database work is in its own thread or in PostgreSQL) where a cached page costs well
// under 0.1 ms: one or two searches at a time, started back to back, took more than half the thread
// from the readers of cached pages, and in a cluster the processes share the machine's cores with
// the database. SEARCH_RATE is per instance, shared out among its worker processes: 10 a second
// leaves readers well over half of a 2-core machine, and is far more than people ask of a
// municipality's site (identical searches within SEARCH_CACHE_MS do not count; each instance behind
// a load balancer has its own).

/** Whether a request is a search (the page, or its client-side navigation payload). */
export function isSearchRequest(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const path = (req.url ?? "").split("?")[0];
  return path === "/sok" || path === "/sok/";
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a searcher gets when every slot and the queue are taken. Self-contained: no database, no Next. */
export function busyPage(url, retryAfterSeconds) {
  const again = escapeHtml(url.startsWith("/sok") ? url : "/sok");
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Sökningen är upptagen – försök igen</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b5394}</style>
</head>
<body>
<main>
<h1>Många söker just nu</h1>
<p>Sökningen hinner inte med alla på en gång. Vänta några sekunder och försök igen.</p>
<p><a href="${again}">Försök igen</a> · <a href="/">Till startsidan</a></p>
<p>Försök igen om ${retryAfterSeconds} sekunder om det inte går direkt.</p>
</main>
</body>
</html>
`;
}

function refuse(req, res, retryAfterSeconds) {
  if (res.headersSent || res.writableEnded) return;
  const body = busyPage(req.url ?? "/sok", retryAfterSeconds);
  res.writeHead(429, {
    "content-type": "text/html; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "retry-after": String(retryAfterSeconds),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * SEARCH_CONCURRENCY (searches inside Next at once, default 2), SEARCH_QUEUE (waiting, default 64),
 * SEARCH_WAIT_MS (longest wait for a turn, default 3000), SEARCH_RATE (searches started per second
 * by the instance, default 10, 0 for no limit), shared among `workers` processes. Exported for the tests.
 * @param {Record<string, string | undefined>} env
 * @param {number} [workers]
 */
export function searchGateOptions(env, workers = 1) {
  const read = (name, fallback, min, max) => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
    return n;
  };
  return {
    concurrency: read("SEARCH_CONCURRENCY", 2, 1, 64),
    maxQueue: read("SEARCH_QUEUE", 64, 0, 10_000),
    maxWaitMs: read("SEARCH_WAIT_MS", 3000, 0, 60_000),
    ratePerSecond: read("SEARCH_RATE", 10, 0, 10_000) / Math.max(1, workers),
  };
}

/**
 * ratePerSecond: searches that may start per second (0: no limit but `concurrency`).
 * @param {{ concurrency?: number; maxQueue?: number; maxWaitMs?: number; ratePerSecond?: number; retryAfterSeconds?: number; now?: () => number }} [options]
 */
export function createSearchGate({ concurrency = 2, maxQueue = 64, maxWaitMs = 3000, ratePerSecond = 10, retryAfterSeconds = 5, now = () => performance.now() } = {}) {
  let active = 0;
  /** @type {{ start: () => void; timer: NodeJS.Timeout | undefined }[]} */
  const queue = [];
  const stats = { admitted: 0, refused: 0, queued: 0 };
  // One second's worth, and at least one search (a worker's share of the rate may be below 1).
  const capacity = Math.max(1, ratePerSecond);
  let tokens = capacity;
  let filledAt = now();
  /** @type {NodeJS.Timeout | undefined} */
  let wake;

  /** Whether a search may start now: a free slot and, with a rate, a token. */
  const mayStart = () => {
    if (active >= concurrency) return false;
    if (ratePerSecond === 0) return true;
    const at = now();
    tokens = Math.min(capacity, tokens + ((at - filledAt) * ratePerSecond) / 1000);
    filledAt = at;
    return tokens >= 1;
  };

  /** Starts waiting searches while they may; when only the rate holds them back, wakes when it allows one. */
  const pump = () => {
    while (queue.length > 0 && mayStart()) {
      const next = /** @type {{ start: () => void; timer: NodeJS.Timeout | undefined }} */ (queue.shift());
      clearTimeout(next.timer);
      next.start();
    }
    if (queue.length > 0 && active < concurrency && wake === undefined) {
      wake = setTimeout(
        () => {
          wake = undefined;
          pump();
        },
        Math.max(1, Math.ceil(((1 - tokens) * 1000) / ratePerSecond)),
      );
    }
  };

  const release = () => {
    active -= 1;
    pump();
  };

  return {
    stats,
    active: () => active,
    waiting: () => queue.length,
    /**
     * Takes a search through the gate: runs `next` now or when a slot frees, or answers 429.
     * Returns false for a request that is not a search (the caller passes it on as usual).
     * @param {import("node:http").IncomingMessage} req
     * @param {import("node:http").ServerResponse} res
     * @param {() => void} next
     */
    handle(req, res, next) {
      if (!isSearchRequest(req)) return false;
      const start = () => {
        active += 1;
        if (ratePerSecond > 0) tokens -= 1;
        stats.admitted += 1;
        // "close" comes for a finished answer and for a client that hung up alike.
        res.once("close", release);
        next();
      };
      if (queue.length === 0 && mayStart()) {
        start();
        return true;
      }
      if (queue.length >= maxQueue) {
        stats.refused += 1;
        refuse(req, res, retryAfterSeconds);
        return true;
      }
      stats.queued += 1;
      const waiting = { start, timer: /** @type {NodeJS.Timeout | undefined} */ (undefined) };
      const leave = () => {
        const at = queue.indexOf(waiting);
        if (at >= 0) queue.splice(at, 1);
        clearTimeout(waiting.timer);
      };
      waiting.timer = setTimeout(() => {
        leave();
        stats.refused += 1;
        refuse(req, res, retryAfterSeconds);
      }, maxWaitMs);
      // A searcher who gives up while waiting frees their place in the queue.
      res.once("close", leave);
      queue.push(waiting);
      pump();
      return true;
    },
  };
}
