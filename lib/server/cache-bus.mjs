// Page-cache invalidation between app instances on different machines (or containers) that share one
// PostgreSQL: PostgreSQL's LISTEN/NOTIFY. Plain JavaScript: lib/server/start.mjs loads it without a build.
//
// Within one instance, the cluster primary already relays a revalidation to its other workers
// (lib/server/page-cache-handler.mjs). Another instance keeps its own page cache, and without this it
// would go on serving a withdrawn text until the page's `revalidate` time (60 s) ran out: a text the
// ansvarig utgivare has taken down must go down everywhere at once. So each instance sends the tags
// it revalidated as a notification, and drops the tags other instances send.
//
// A notification sent while this instance was not listening (its connection lost) never arrives, so
// after a reconnect the instance drops its whole page cache (ALL_PAGES): stale pages are the one
// thing it must not keep. Tags published while the connection is down are queued and sent on reconnect.
import { randomUUID } from "node:crypto";
import { ALL_PAGES, CACHE_BUS_CHANNEL } from "./events.mjs";

// Exported as before; the channel and its payload are described in lib/server/events.mjs.
export { CACHE_BUS_CHANNEL };

/** NOTIFY payloads must be shorter than 8000 bytes; a revalidation may name many paths. */
export const MAX_PAYLOAD_BYTES = 7000;

/** The most tags kept for sending while the connection is down; beyond it, the others reset. */
const MAX_QUEUED_TAGS = 10_000;

/**
 * Splits `tags` into groups whose notification payload stays under `maxBytes`. A single tag longer
 * than that cannot be sent and is left out (Next's own tags are paths, far shorter).
 * @param {string} from
 * @param {string[]} tags
 * @param {number} [maxBytes]
 * @returns {string[]} the payloads
 */
export function payloads(from, tags, maxBytes = MAX_PAYLOAD_BYTES) {
  const out = [];
  let group = [];
  const size = (list) => Buffer.byteLength(JSON.stringify({ from, tags: list }));
  for (const tag of tags) {
    if (size([tag]) > maxBytes) continue;
    if (group.length > 0 && size([...group, tag]) > maxBytes) {
      out.push(JSON.stringify({ from, tags: group }));
      group = [];
    }
    group.push(tag);
  }
  if (group.length > 0) out.push(JSON.stringify({ from, tags: group }));
  return out;
}

/**
 * A notification's tags if another instance sent it; null for our own and for anything malformed.
 * @param {string} self
 * @param {string | undefined} payload
 * @returns {string[] | null}
 */
export function remoteTags(self, payload) {
  let parsed;
  try {
    parsed = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || typeof parsed.from !== "string" || parsed.from === self || !Array.isArray(parsed.tags)) return null;
  return parsed.tags.filter((tag) => typeof tag === "string");
}

/**
 * Listens on PostgreSQL for other instances' revalidations and sends ours.
 * @param {{
 *   url: string;
 *   onRemote: (tags: string[]) => void;
 *   channel?: string;
 *   retryMs?: number;
 *   log?: Pick<Console, "log" | "error">;
 * }} options
 */
export function createCacheBus({ url, onRemote, channel = CACHE_BUS_CHANNEL, retryMs = 1000, log = console }) {
  // LISTEN takes an identifier, not a parameter.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Ogiltigt kanalnamn: ${channel}`);
  const id = randomUUID();
  /** @type {import("pg").Client | null} */
  let client = null;
  let closed = false;
  let connectedOnce = false;
  let failures = 0;
  /** @type {NodeJS.Timeout | null} */
  let retryTimer = null;
  /** @type {string[]} */
  let queued = [];
  let overflowed = false;
  /** @type {Promise<void>} */
  let sending = Promise.resolve();

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    // Doubling up to a minute: a database that refuses LISTEN (a pooler in transaction mode) is not
    // asked ten times a second.
    const delay = Math.min(60_000, retryMs * 2 ** Math.min(failures, 6));
    failures += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  /** Connections already given up: a late "error" or "end" from one must not start a second reconnect. */
  const dropped = new WeakSet();
  const drop = (c) => {
    if (dropped.has(c)) return;
    dropped.add(c);
    if (client === c) client = null;
    c.removeAllListeners("notification");
    c.end().catch(() => {});
    scheduleReconnect();
  };

  async function connect() {
    if (closed) return;
    const { default: pg } = await import("pg");
    const c = new pg.Client({ connectionString: url, application_name: "kommunbladet-cache-bus" });
    c.on("notification", (message) => {
      if (message.channel !== channel) return;
      const tags = remoteTags(id, message.payload);
      if (tags && tags.length > 0) onRemote(tags);
    });
    c.on("error", (error) => {
      log.error(`Cacheinvalidering mellan instanser: anslutningen till databasen bröts (${error.message}); ansluter igen.`);
      drop(c);
    });
    c.on("end", () => {
      if (!closed) drop(c);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      log.error(`Cacheinvalidering mellan instanser: kunde inte lyssna på databasen (${/** @type {Error} */ (error).message}); försöker igen.`);
      drop(c);
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    failures = 0;
    // Whatever others sent while we were not listening is lost: drop everything rather than serve it.
    if (connectedOnce) onRemote([ALL_PAGES]);
    connectedOnce = true;
    const backlog = queued;
    queued = [];
    if (overflowed) {
      overflowed = false;
      // Too much was revalidated while away to name it all: every other instance starts afresh.
      await send([ALL_PAGES]);
    }
    if (backlog.length > 0) await send(backlog);
  }

  /** @param {string[]} tags */
  function send(tags) {
    const c = client;
    if (!c) {
      if (queued.length + tags.length > MAX_QUEUED_TAGS) {
        overflowed = true;
        queued = [];
      } else queued.push(...tags);
      return Promise.resolve();
    }
    sending = sending.then(async () => {
      for (const payload of payloads(id, tags)) {
        try {
          await c.query("select pg_notify($1, $2)", [channel, payload]);
        } catch (error) {
          log.error(`Cacheinvalidering mellan instanser: kunde inte meddela de andra instanserna (${/** @type {Error} */ (error).message}).`);
          queued.push(.../** @type {{ tags: string[] }} */ (JSON.parse(payload)).tags);
        }
      }
    });
    return sending;
  }

  void connect();

  return {
    id,
    /** True while listening. */
    get listening() {
      return client !== null;
    },
    /**
     * Tells the other instances to drop these tags' pages. ALL_PAGES tells them to drop everything.
     * @param {string[]} tags
     */
    publish(tags) {
      return send(tags.filter((tag) => typeof tag === "string"));
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await sending.catch(() => {});
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
