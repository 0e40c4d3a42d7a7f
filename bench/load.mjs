// Throughput and latency of a cached reader page, against the same HTML served as a static file by
// nginx (or, where nginx is not installed, a minimal Node static server) in the same run, with the
// same load generator; plus the HTML, CSS and JS bytes of each page type, and the JavaScript floor of
// the framework (an empty page). Loopback only, bounded: about two minutes.
//
// The app is started as `npm start` starts it (scripts/start.mjs): on the embedded database that is
// one process; with BENCH_DATABASE_URL (a PostgreSQL server, as in production) the same page is
// measured a second time on a fresh database there, with one worker per core (WEB_CONCURRENCY).
//
//   npm run build && node bench/load.mjs          (apt-get install nginx-light for the nginx reference)
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55433/postgres node bench/load.mjs
//
// BENCH_SECONDS (10) per run; BENCH_PORT (3610: app, +1 static reference, +2 app on PostgreSQL).
// The machine may be shared: each run waits up to BENCH_QUIET_WAIT seconds (90) for other work to
// drop below 20 % of the cores, and the table reports how much other work ran during each run.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { demoArticle, groupTicks, machineTicks, startServer, writeResults } from "./lib.mjs";

const APP_PORT = Number(process.env.BENCH_PORT ?? 3610);
const STATIC_PORT = APP_PORT + 1;
const POSTGRES_APP_PORT = APP_PORT + 2;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const pct = (share) => (Number.isFinite(share) ? `${Math.round(share * 100)} %` : "–");
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function get(base, url) {
  const response = await fetch(new URL(url, base));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The assets a page makes a modern browser download (noModule polyfills are for old browsers only). */
function assetsOf(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)].filter((m) => !/noModule/i.test(m[1] + m[3])).map((m) => m[2]);
  const styles = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return { scripts, styles };
}

async function pageBytes(base, url, cache) {
  const page = await get(base, url);
  const html = page.body.toString("utf8");
  const { scripts, styles } = assetsOf(html);
  const size = async (list) => {
    let raw = 0;
    let gz = 0;
    for (const asset of list) {
      if (!cache.has(asset)) {
        const body = (await get(base, asset)).body;
        cache.set(asset, { raw: body.length, gz: gzipSize(body) });
      }
      raw += cache.get(asset).raw;
      gz += cache.get(asset).gz;
    }
    return { raw, gz };
  };
  return { status: page.status, html: { raw: page.body.length, gz: gzipSize(page.body) }, css: await size(styles), js: await size(scripts), scripts: new Set(scripts) };
}

/**
 * Share of all cores busy with work other than this benchmark and the measured server, over `ms`
 * (or, with `around`, over that run). Linux only; NaN elsewhere.
 */
async function othersBusy(pgid, ms = 1000, around = () => new Promise((r) => setTimeout(r, ms))) {
  try {
    const m0 = machineTicks();
    const g0 = pgid ? groupTicks(pgid) : 0;
    const c0 = process.cpuUsage();
    const result = await around();
    const m1 = machineTicks();
    const c1 = process.cpuUsage(c0);
    const ours = (pgid ? groupTicks(pgid) - g0 : 0) + (c1.user + c1.system) / 10_000;
    return { result, share: Math.max(0, (m1.total - m1.idle - (m0.total - m0.idle) - ours) / (m1.total - m0.total)) };
  } catch {
    return { result: await around(), share: NaN };
  }
}

/**
 * One autocannon run; `busy` is the share of the cores other work used during it. On a shared
 * machine it first waits (up to BENCH_QUIET_WAIT seconds, default 90) for other work to drop below 20 %.
 */
async function load(url, pgid) {
  for (let waited = 0; waited < Number(process.env.BENCH_QUIET_WAIT ?? 90); waited++) if ((await othersBusy(pgid)).share <= 0.2) break;
  const { result, share } = await othersBusy(pgid, 0, () => run(url));
  return { ...result, busy: share };
}

function run(url) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function startStaticReference(dir) {
  const nginx = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (nginx) {
    const conf = path.join(dir, "nginx.conf");
    fs.writeFileSync(
      conf,
      `worker_processes auto;\ndaemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { worker_connections 1024; }\nhttp {\n  access_log off;\n  client_body_temp_path ${dir};\n  proxy_temp_path ${dir};\n  fastcgi_temp_path ${dir};\n  uwsgi_temp_path ${dir};\n  scgi_temp_path ${dir};\n  server {\n    listen 127.0.0.1:${STATIC_PORT};\n    root ${dir};\n    location / { default_type "text/html; charset=utf-8"; try_files /page.html =404; }\n  }\n}\n`,
    );
    fs.chmodSync(dir, 0o755);
    const child = spawn(nginx, ["-c", conf, "-p", dir], { stdio: "ignore", detached: true });
    return {
      name: `nginx (${spawnSync(nginx, ["-v"], { encoding: "utf8" }).stderr.trim().replace("nginx version: ", "")}, worker_processes auto)`,
      pgid: child.pid,
      stop: () => process.kill(-child.pid, "SIGTERM"),
    };
  }
  const body = fs.readFileSync(path.join(dir, "page.html"));
  const server = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    response.end(body);
  });
  server.listen(STATIC_PORT, "127.0.0.1");
  return { name: "Node http static server (nginx not installed)", stop: () => server.close() };
}

let app = await startServer(APP_PORT);
let pgApp;
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-static-"));
let reference;
try {
  const article = await demoArticle(app.base);
  // Twice: the first request renders and fills the page cache.
  await get(app.base, article);
  const cached = await get(app.base, article);
  // From Next's page cache, or from the micro-cache in front of it (lib/server/micro-cache.mjs).
  if (cached.headers.get("x-nextjs-cache") !== "HIT" && cached.headers.get("x-micro-cache") !== "HIT") throw new Error(`${article} was not served from the page cache`);
  fs.writeFileSync(path.join(staticDir, "page.html"), cached.body);
  reference = startStaticReference(staticDir);
  await new Promise((r) => setTimeout(r, 500));

  await load(`http://127.0.0.1:${STATIC_PORT}/`); // warm-up, discarded
  const staticResult = await load(`http://127.0.0.1:${STATIC_PORT}/`, reference.pgid);
  await load(`${app.base}${article}`);
  const appResult = await load(`${app.base}${article}`, app.pgid);
  const runs = [{ app, result: appResult }];
  const cache = new Map();
  const floor = await pageBytes(app.base, "/sidan-finns-inte-" + Date.now(), cache);
  const types = [
    ["Startsida", "/"],
    ["Nyhetsbrevsarkiv", "/nyhetsbrev"],
    ["Nummer", (await get(app.base, "/nyhetsbrev")).body.toString("utf8").match(/href="(\/nyhetsbrev\/\d{4}\/\d+)"/)?.[1] ?? "/nyhetsbrev"],
    ["Artikel (belastningssidan)", article],
    ["Blogg", "/blogg/kommunchefen"],
    ["Kalender", "/kalender"],
    ["Sök", "/sok?q=skolan"],
    ["Tillgänglighetsredogörelse", "/tillganglighet"],
  ];
  const rows = [];
  let articleJs = 0;
  for (const [name, url] of types) {
    const bytes = await pageBytes(app.base, url, cache);
    if (bytes.status !== 200) continue;
    const extra = [...bytes.scripts].filter((s) => !floor.scripts.has(s));
    if (url === article) articleJs = bytes.js.gz - floor.js.gz;
    rows.push(
      `| ${name} (\`${url}\`) | ${kb(bytes.html.raw)} / ${kb(bytes.html.gz)} | ${kb(bytes.css.gz)} | ${kb(bytes.js.gz)} | ${extra.length ? `${extra.length} (${kb(bytes.js.gz - floor.js.gz)})` : "0"} |`,
    );
  }

  // The same, with the micro-cache off: what Next's own page cache serves by itself.
  await app.stop(); // measured; frees its core for the next run
  const plainApp = await startServer(APP_PORT + 2, { env: { PAGE_MICROCACHE_MS: "0" } });
  try {
    await get(plainApp.base, article);
    if ((await get(plainApp.base, article)).headers.get("x-nextjs-cache") !== "HIT") throw new Error(`${article} was not served from the page cache`);
    await load(`${plainApp.base}${article}`);
    runs.push({ app: plainApp, result: await load(`${plainApp.base}${article}`, plainApp.pgid) });
  } finally {
    await plainApp.stop();
  }

  if (process.env.BENCH_DATABASE_URL) {
    pgApp = await startServer(POSTGRES_APP_PORT, { postgresUrl: process.env.BENCH_DATABASE_URL });
    await load(`${pgApp.base}${article}`); // warm-up: fills every worker's page cache
    for (let i = 0; i < 4 * pgApp.workers; i++) {
      const headers = (await get(pgApp.base, article)).headers;
      if (headers.get("x-nextjs-cache") !== "HIT" && headers.get("x-micro-cache") !== "HIT") throw new Error(`${article} is not served from the page cache on PostgreSQL`);
    }
    runs.push({ app: pgApp, result: await load(`${pgApp.base}${article}`, pgApp.pgid) });
  }

  const setup = (server) =>
    `${server.database}, ${server.workers === 1 ? "1 process" : `${server.workers} worker processes`}${server.microCache ? "" : ", micro-cache off (`PAGE_MICROCACHE_MS=0`)"}`;
  const row = ({ app: server, result }) =>
    `| Kommunbladet (\`npm start\`: ${setup(server)}), cached article page \`${article}\` | ${Math.round(result.requests.average)} | ${result.latency.p50} ms | ${result.latency.p99} ms | ${pct(result.busy)} |`;
  const verdict = ({ app: server, result }) => {
    const ratio = staticResult.requests.average / result.requests.average;
    return `**${setup(server)}: the app serves 1/${ratio.toFixed(1)} of the static server's requests per second** (target at least 1/20, aim 1/10; Ghost 5 ≈ 1/900, WordPress 6 ≈ 1/1,600); p99 ${result.latency.p99} ms (target ≤ 50 ms: ${result.latency.p99 <= 50 ? "met" : "missed"}). Errors: ${result.errors + result.non2xx}.`;
  };
  const lines = [
    `Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run after a warm-up run, loopback; the load generator shares the 2 cores with the server. Before each run the page is checked to come from a cache (\`x-nextjs-cache: HIT\`, or \`x-micro-cache: HIT\` from the one-second micro-cache that \`npm start\` puts in front of Next, lib/server/micro-cache.mjs, cleared on every publication). The run with the micro-cache off shows what Next's own page cache serves by itself.`,
    "",
    "| server | requests/s | p50 | p99 | other work on the machine during the run (share of all cores) |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| ${reference.name}: the article's HTML as a file | ${Math.round(staticResult.requests.average)} | ${staticResult.latency.p50} ms | ${staticResult.latency.p99} ms | ${pct(staticResult.busy)} |`,
    ...runs.map(row),
    "",
    ...runs.flatMap((run) => [verdict(run), ""]),
    `Bytes per page type (HTML raw / gzip; CSS and JS gzip -9, as a modern browser downloads them; the noModule polyfill excluded). The framework floor — the App Router's own runtime, measured on the 404 page of the same build — is ${kb(floor.js.gz)} of JS.`,
    "",
    "| page | HTML | CSS | JS | scripts beyond the floor |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows,
    "",
    `Reader JavaScript on the article page beyond the framework floor: ${kb(Math.max(0, articleJs))} (target ≤ 10 kB).`,
  ];
  writeResults("Läsarsidor: belastning och storlek (bench/load.mjs)", lines);
  console.log(lines.join("\n"));
} finally {
  reference?.stop();
  await app.stop();
  await pgApp?.stop();
  fs.rmSync(staticDir, { recursive: true, force: true });
}
