// Throughput and latency of a cached reader page, against the same HTML served as a static file by
// nginx (or, where nginx is not installed, a minimal Node static server) in the same run, with the
// same load generator; plus the HTML, CSS and JS bytes of each page type, and the JavaScript floor of
// the framework (an empty page). Loopback only, bounded: about two minutes.
//
//   npm run build && node bench/load.mjs          (apt-get install nginx-light for the nginx reference)
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { startServer, writeResults } from "./lib.mjs";

const APP_PORT = 3610;
const STATIC_PORT = 3611;
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const gzipSize = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function get(base, url) {
  const response = await fetch(new URL(url, base));
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** The assets a page makes a modern browser download (noModule polyfills are for old browsers only). */
function assetsOf(html) {
  const scripts = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
    .filter((m) => !/noModule/i.test(m[1] + m[3]))
    .map((m) => m[2]);
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

/** The first newsletter article page of the demo (the issue's article links), else the first post. */
async function demoArticle(base) {
  const archive = (await get(base, "/nyhetsbrev")).body.toString("utf8");
  const issue = archive.match(/href="(\/nyhetsbrev\/\d{4}\/\d+)"/)?.[1];
  if (issue) {
    const issueHtml = (await get(base, issue)).body.toString("utf8");
    const article = issueHtml.match(/href="(\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+)"/)?.[1];
    if (article && (await get(base, article)).status === 200) return article;
  }
  const blog = (await get(base, "/blogg/kommunchefen")).body.toString("utf8");
  return blog.match(/href="(\/blogg\/kommunchefen\/[a-z0-9-]+)"/)[1];
}

function load(url) {
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
    return { name: `nginx (${spawnSync(nginx, ["-v"], { encoding: "utf8" }).stderr.trim().replace("nginx version: ", "")}, worker_processes auto)`, stop: () => process.kill(-child.pid, "SIGTERM") };
  }
  const body = fs.readFileSync(path.join(dir, "page.html"));
  const server = http.createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
    response.end(body);
  });
  server.listen(STATIC_PORT, "127.0.0.1");
  return { name: "Node http static server (nginx not installed)", stop: () => server.close() };
}

const app = await startServer(APP_PORT);
const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-static-"));
let reference;
try {
  const article = await demoArticle(app.base);
  // Twice: the first request renders and fills the page cache.
  await get(app.base, article);
  const cached = await get(app.base, article);
  fs.writeFileSync(path.join(staticDir, "page.html"), cached.body);
  reference = startStaticReference(staticDir);
  await new Promise((r) => setTimeout(r, 500));

  await load(`http://127.0.0.1:${STATIC_PORT}/`); // warm-up, discarded
  const staticResult = await load(`http://127.0.0.1:${STATIC_PORT}/`);
  await load(`${app.base}${article}`);
  const appResult = await load(`${app.base}${article}`);

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
    rows.push(`| ${name} (\`${url}\`) | ${kb(bytes.html.raw)} / ${kb(bytes.html.gz)} | ${kb(bytes.css.gz)} | ${kb(bytes.js.gz)} | ${extra.length ? `${extra.length} (${kb(bytes.js.gz - floor.js.gz)})` : "0"} |`);
  }

  const ratio = staticResult.requests.average / appResult.requests.average;
  const lines = [
    `Load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run after a warm-up run, loopback; the load generator shares the 2 cores with the server.`,
    "",
    "| server | requests/s | p50 | p99 |",
    "| --- | ---: | ---: | ---: |",
    `| ${reference.name}: the article's HTML as a file | ${Math.round(staticResult.requests.average)} | ${staticResult.latency.p50} ms | ${staticResult.latency.p99} ms |`,
    `| Kommunbladet, cached article page \`${article}\` | ${Math.round(appResult.requests.average)} | ${appResult.latency.p50} ms | ${appResult.latency.p99} ms |`,
    "",
    `**Ratio: the app serves 1/${ratio.toFixed(1)} of the static server's requests per second** (target at least 1/20, aim 1/10; Ghost 5 ≈ 1/900, WordPress 6 ≈ 1/1,600). p99 ${appResult.latency.p99} ms (target ≤ 50 ms). Errors: ${appResult.errors + appResult.non2xx}.`,
    "",
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
  app.stop();
  fs.rmSync(staticDir, { recursive: true, force: true });
}
