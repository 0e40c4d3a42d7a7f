// `npm start` (its entry is scripts/start.mjs, which runs main()): Next's production server (its custom-server API, with `next start`'s -p and -H), with
// a one-second micro-cache of cached reader pages in front (lib/server/micro-cache.mjs), in several
// worker processes that share the port (node:cluster) when the database is PostgreSQL.
//
// One Node process serves a cached reader page in about a millisecond of CPU, so one process keeps
// one core busy and the others idle. With DATABASE_URL the workers share nothing but PostgreSQL;
// what they kept in memory and must agree on — the page cache — is invalidated in all of them at once:
// lib/server/page-cache-handler.mjs sends revalidated tags to this primary, which passes them on to
// the other workers. The embedded database (PGlite) serves exactly one process, so without
// DATABASE_URL this is one process. Other instances on the same PostgreSQL (other machines or
// containers) hear of a revalidation through lib/server/cache-bus.mjs (LISTEN/NOTIFY), run by the
// primary, or by the one process when there is no cluster. The events and messages that connect
// these are named and described in lib/server/events.mjs.
//
//   WEB_CONCURRENCY      worker processes (default: the number of cores with DATABASE_URL, else 1)
//   PAGE_MICROCACHE_MS   how long a cached reader page is sent again without asking Next (default 1000)
//   TRUSTED_PROXIES      reverse proxies in front, for the client's address (lib/server/client-address.mjs; default 0)
//   SEARCH_CONCURRENCY, SEARCH_QUEUE, SEARCH_WAIT_MS, SEARCH_RATE   searches at once, waiting, longest
//                        wait, started per second by the instance (lib/server/search-gate.mjs)
//   SEARCH_CACHE_MS      how long an identical search is answered from memory (lib/server/search-cache.mjs; default 30000)
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import nextEnv from "@next/env";
import { stampRequestId } from "../log/request-id.mjs";
import { log } from "../log/log.mjs";
import { createCacheBus } from "./cache-bus.mjs";
import { refuseHostileUrl } from "./hostile-url.mjs";
import { stampClientAddress, trustedProxies } from "./client-address.mjs";
import { PAGE_CACHE_MESSAGE, PAGE_CACHE_REMOTE, PAGE_CACHE_REVALIDATED, pageCacheMessage } from "./events.mjs";
import { createMicroCache } from "./micro-cache.mjs";
import { createSearchCache, searchCacheTtl } from "./search-cache.mjs";
import { createSearchGate, searchGateOptions } from "./search-gate.mjs";
import { createSecurityHeaders } from "./security-headers.mjs";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * How many worker processes to run. Exported for the tests.
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 */
export function workerCount(env, cores) {
  const usesPostgres = Boolean(env.DATABASE_URL);
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return usesPostgres ? Math.max(1, cores) : 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64, not "${raw}".`);
  if (n > 1 && !usesPostgres) {
    throw new Error(`WEB_CONCURRENCY=${n}: the embedded database (PGlite) serves exactly one process; several workers need DATABASE_URL (PostgreSQL).`);
  }
  return n;
}

/**
 * The primary's part of cache invalidation: a worker's revalidated tags go to every other worker.
 * @param {{ id: number; send(message: unknown): void; isConnected?(): boolean }[]} workers
 * @param {{ id: number }} from
 * @param {unknown} message
 */
export function relay(workers, from, message) {
  if (!message || typeof message !== "object" || /** @type {{ type?: unknown }} */ (message).type !== PAGE_CACHE_MESSAGE) return 0;
  let sent = 0;
  for (const worker of workers) {
    if (worker.id === from.id || (worker.isConnected && !worker.isConnected())) continue;
    worker.send(message);
    sent += 1;
  }
  return sent;
}

/**
 * With PostgreSQL, the link to the other instances: `deliver` gets the tags they revalidated (or
 * ALL_PAGES after a lost connection). Without DATABASE_URL there is exactly one instance, and null.
 * @param {Record<string, string | undefined>} env
 * @param {(tags: string[]) => void} deliver
 */
export function cacheBusFor(env, deliver) {
  if (!env.DATABASE_URL) return null;
  return createCacheBus({ url: env.DATABASE_URL, onRemote: deliver });
}

/**
 * `-p`/`--port` and `-H`/`--hostname` as `next start` takes them (PORT otherwise; every interface by default).
 * Exported for the tests.
 * @param {string[]} args
 * @param {Record<string, string | undefined>} env
 */
export function serverOptions(args, env) {
  let port = Number(env.PORT ?? 3000);
  // Not HOSTNAME: containers set it to their own name, and next start does not read it either.
  let hostname;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split("=", 2);
    const value = inline ?? args[i + 1];
    if (flag === "-p" || flag === "--port") port = Number(value);
    else if (flag === "-H" || flag === "--hostname") hostname = value;
    else throw new Error(`Okänt argument till npm start: ${args[i]}`);
    if (inline === undefined) i++;
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ogiltig port: ${port}`);
  return { port, hostname };
}

/** PAGE_MICROCACHE_MS: how long a cached reader page is sent again as it is (0: never). */
export function microCacheTtl(env) {
  const raw = env.PAGE_MICROCACHE_MS?.trim();
  const ttl = raw ? Number(raw) : 1000;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > 60_000) throw new Error(`PAGE_MICROCACHE_MS must be a whole number of milliseconds from 0 to 60000, not "${raw}".`);
  return ttl;
}

/**
 * Next's production server, as `next start` runs it, with the micro-cache in front
 * (lib/server/micro-cache.mjs; Next's documented custom-server API).
 */
async function runServer() {
  const { port, hostname } = serverOptions(process.argv.slice(2), process.env);
  const ttlMs = microCacheTtl(process.env);
  const proxies = trustedProxies(process.env);
  // A worker of a cluster gets its share of the instance's search rate (KB_WORKERS, set by the primary).
  const searchOptions = searchGateOptions(process.env, Number(process.env.KB_WORKERS) || 1);
  const searchTtlMs = searchCacheTtl(process.env);
  process.env.NODE_ENV ??= "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: root, port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = app.getUpgradeHandler();
  const cache = createMicroCache({ ttlMs });
  const security = createSecurityHeaders();
  const searches = createSearchGate(searchOptions);
  const searchCache = createSearchCache({ ttlMs: searchTtlMs });
  const server = http.createServer((req, res) => {
    if (refuseHostileUrl(req, res)) return;
    const requestId = stampRequestId(req, res);
    stampClientAddress(req, proxies);
    if (cache.handle(req, res)) return;
    // After the micro-cache, which keeps the policy with the bytes; before whatever else keeps answers.
    security.handle(req, res);
    const pass = () =>
      handle(req, res).catch((error) => {
        log.error("request.unhandled", { requestId, method: req.method, path: req.url, error });
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end(`Ett fel uppstod på servern. Ange felkod ${requestId} om du kontaktar oss.`);
      });
    if (searchCache.handle(req, res) || searches.handle(req, res, pass)) return;
    pass();
  });
  server.on("upgrade", (req, socket, head) => upgrade(req, socket, head));
  // Longer than a load balancer's idle timeout, as next start does, so it never meets a closed socket.
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve(undefined));
  });
  console.log(`Redo på http://${hostname ?? "localhost"}:${port}`);
  // In a cluster the primary speaks for the instance; alone, this process does.
  const bus = cluster.isWorker ? null : cacheBusFor(process.env, (tags) => process.emit(PAGE_CACHE_REMOTE, tags));
  if (bus) process.on(PAGE_CACHE_REVALIDATED, (tags) => void bus.publish(tags));
  const stop = () => server.close(() => void Promise.resolve(bus?.close()).finally(() => process.exit(0)));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

function runPrimary(count) {
  console.log(`Startar ${count} arbetsprocesser (WEB_CONCURRENCY) som delar porten.`);
  let stopping = false;
  const startedAt = new Map();
  const workers = () => Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
  const bus = cacheBusFor(process.env, (tags) => relay(workers(), { id: -1 }, pageCacheMessage(tags)));
  const fork = () => {
    const worker = cluster.fork({ KB_WORKERS: String(count) });
    startedAt.set(worker.id, Date.now());
    worker.on("message", (message) => {
      relay(workers(), worker, message);
      if (message?.type === PAGE_CACHE_MESSAGE && Array.isArray(message.tags)) void bus?.publish(message.tags);
    });
  };
  const stop = (signal, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = code;
    for (const worker of workers()) worker.process.kill(signal);
    void bus?.close();
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    // A worker that dies during start-up (port taken, database unreachable) would only die again.
    if (Date.now() - (startedAt.get(worker.id) ?? 0) < 30_000) {
      console.error(`Arbetsprocess ${worker.process.pid} avslutades under starten (${signal ?? code}); servern stoppas.`);
      stop("SIGTERM", 1);
      return;
    }
    console.error(`Arbetsprocess ${worker.process.pid} avslutades (${signal ?? code}); startar en ny.`);
    setTimeout(fork, 1000).unref();
  });
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * The server, as `npm start` runs it (scripts/start.mjs). A cluster worker is forked from the same
 * entry file and lands here too, as a worker.
 */
export async function main() {
  if (cluster.isWorker) {
    await runServer();
    return;
  }
  // The same .env files `next start` reads, so that DATABASE_URL there counts here too.
  nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
  let count;
  try {
    count = workerCount(process.env, os.availableParallelism());
  } catch (error) {
    console.error(/** @type {Error} */ (error).message);
    process.exit(1);
  }
  if (count === 1) await runServer();
  else runPrimary(count);
}
