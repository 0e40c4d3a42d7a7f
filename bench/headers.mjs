// The cost of the security headers on the cached article page: the build before them and the build
// of this tree, served side by side as `npm start` serves them (each on its own throwaway embedded
// database) and loaded in alternating runs (A B B A …), so that whatever else the machine does
// falls on both alike. Loopback only, bounded.
//
//   NEXT_DIST_DIR=.next npm run build      (this tree; NEXT_DIST_DIR as for the server)
//   node bench/headers.mjs
//
// "Before" is this checkout's HEAD without the commits of the headers (BENCH_BASE_REVERT, reverted
// in that order, and the three lines of scripts/start.mjs that call the header layer), so that
// nothing else differs; "after" is this tree as built in NEXT_DIST_DIR. The "before" build is made
// on first use: a git worktree in BENCH_BASE_DIR with node_modules hard-linked from this tree,
// built into .next-bench there (some minutes); later runs at the same HEAD reuse it.
//
//   BENCH_BASE_REF     the commit to start from (default HEAD)
//   BENCH_BASE_REVERT  commits to revert in it, or commit:path for one file of one (default: the
//                      header commits; "" for none)
//   BENCH_BASE_DIR     where its worktree is (default: /tmp/kb-bench-base-<first 10 hex of the commit>)
//   BENCH_SECONDS    per run (default 10); BENCH_ROUNDS pairs of runs per case (default 3)
//   BENCH_PORT       first of the two ports (default 3620)
//   BENCH_NO_WRITE   1: print only, leave bench/RESULTS.md alone
//   BENCH_CASES      which cases, by number (default all: 1,2,3)
//
// Cases: wrk with 32 connections (a Node load generator tops out below the cached page's rate), asking for no compression (as bench/load.mjs) and as a
// browser does (gzip), with the micro-cache on (as `npm start` runs) and off (PAGE_MICROCACHE_MS=0:
// every answer through Next and the header layer, where their cost is all there is to see).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { demoArticle, groupTicks, machineTicks, percentile, root, wrk, writeResults } from "./lib.mjs";

const BASE_REF = process.env.BENCH_BASE_REF ?? "HEAD";
// Newest first: the memo of policies, the nonce policy and headers(), the layer itself. The
// micro-cache's later changes stay in both (the encoding fix, the prebuilt head of a hit, one
// refresh at a time): "before" is then as fast as it could be today, which only makes the
// comparison harder for "after".
const HEADER_COMMITS = ["af542f471ed6e24d97966f72eb6ec411b17745f1", "c42eb8452d9d978e58756622c77fa7b7a6fed2e0", "b96cd73a616c5cf64c98b8b03e578f9421ac5492"].join(" ");
const BASE_REVERT = (process.env.BENCH_BASE_REVERT ?? HEADER_COMMITS).split(/\s+/).filter(Boolean);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3620);
const CONNECTIONS = 32;
const AFTER_DIST = process.env.NEXT_DIST_DIR || ".next";

const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();

/** The worktree and build of "before", made once per HEAD. */
function baseTree() {
  const commit = git("rev-parse", `${BASE_REF}^{commit}`);
  const dir = process.env.BENCH_BASE_DIR ?? path.join(os.tmpdir(), `kb-bench-base-${commit.slice(0, 10)}${BASE_REVERT.length ? "-without-headers" : ""}`);
  if (!fs.existsSync(path.join(dir, ".git"))) {
    console.log(`Making a worktree of ${commit.slice(0, 10)}${BASE_REVERT.length ? ` without ${BASE_REVERT.map((c) => c.slice(0, 7)).join(", ")}` : ""} in ${dir} …`);
    git("worktree", "add", "--detach", dir, commit);
    try {
      for (const revert of BASE_REVERT) {
        const [hash, file] = revert.split(":");
        if (!file) execFileSync("git", ["revert", "--no-commit", hash], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
        else execFileSync("git", ["apply", "-R", "--index"], { cwd: dir, input: git("diff", `${hash}^`, hash, "--", file) + "\n", stdio: ["pipe", "ignore", "inherit"] });
      }
    } catch {
      git("worktree", "remove", "--force", dir);
      throw new Error(`The header commits no longer revert cleanly on ${commit.slice(0, 10)}: give BENCH_BASE_REF (a commit without them) and BENCH_BASE_REVERT="".`);
    }
    if (BASE_REVERT.length) {
      // The layer's first commit also fixed a type in this test, which next build checks.
      execFileSync("git", ["checkout", commit, "--", "lib/server/micro-cache.test.ts"], { cwd: dir });
      const start = path.join(dir, "scripts/start.mjs");
      const lines = fs.readFileSync(start, "utf8").split("\n");
      fs.writeFileSync(start, lines.filter((line) => !/security-headers\.mjs|createSecurityHeaders|security\.handle\(|keeps the policy with the bytes/.test(line)).join("\n"));
    }
  }
  if (!fs.existsSync(path.join(dir, "node_modules"))) execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")]);
  if (!fs.existsSync(path.join(dir, ".next-bench", "BUILD_ID"))) {
    console.log("Building it (next build, some minutes) …");
    execFileSync(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], {
      cwd: dir,
      env: { ...process.env, NEXT_DIST_DIR: ".next-bench", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
  }
  return { commit, dir, dist: ".next-bench", label: `${commit.slice(0, 10)}${BASE_REVERT.length ? " without the headers" : ""}` };
}

/** `npm start` of one tree on a throwaway embedded database (as bench/lib.mjs, for any tree). */
async function serve(name, dir, dist, port, env = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-bench-headers-"));
  const child = spawn(process.execPath, [path.join(dir, "scripts/start.mjs"), "-p", String(port)], {
    cwd: dir,
    env: {
      ...process.env,
      NEXT_DIST_DIR: dist,
      PGLITE_DIR: path.join(dataDir, "db"),
      DATABASE_URL: "",
      SEED_DEMO: "1",
      AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    name,
    base,
    pgid: child.pid,
    stop: async () => {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1000));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function text(base, url) {
  return (await fetch(new URL(url, base))).text();
}

/** One wrk run, with the share of all cores other work used meanwhile (Linux; else NaN). */
async function run(server, url, headers) {
  let m0;
  let g0 = 0;
  try {
    m0 = machineTicks();
    g0 = groupTicks(server.pgid);
  } catch {
    m0 = undefined;
  }
  const c0 = process.cpuUsage();
  const result = await wrk(server.base + url, { connections: CONNECTIONS, seconds: SECONDS, headers });
  let busy = NaN;
  let cpuPerRequest = NaN;
  if (m0) {
    const m1 = machineTicks();
    const c1 = process.cpuUsage(c0);
    const ours = groupTicks(server.pgid) - g0 + (c1.user + c1.system) / 10_000;
    busy = Math.max(0, (m1.total - m1.idle - (m0.total - m0.idle) - ours) / (m1.total - m0.total));
    // The server's own CPU per answer: unlike requests/s, not moved by what else the cores do.
    cpuPerRequest = ((groupTicks(server.pgid) - g0) * 10_000) / (result.rps * SECONDS);
  }
  return { ...result, busy, cpuPerRequest };
}

const median = (values) => percentile(values, 50);
const change = (after, before) => `${after >= before ? "+" : ""}${(((after - before) / before) * 100).toFixed(1)} %`;

const CASES = [
  { name: "micro-cache on, no compression asked", env: {}, headers: {} },
  { name: "micro-cache on, gzip asked", env: {}, headers: { "accept-encoding": "gzip, deflate, br" } },
  { name: "micro-cache off, gzip asked", env: { PAGE_MICROCACHE_MS: "0" }, headers: { "accept-encoding": "gzip, deflate, br" } },
];

if (!fs.existsSync(path.join(root, AFTER_DIST, "BUILD_ID"))) {
  console.error(`No build of this tree in ${AFTER_DIST}: run NEXT_DIST_DIR=${AFTER_DIST} npx next build first.`);
  process.exit(1);
}
const before = baseTree();
const lines = [];
const table = [];
const only = process.env.BENCH_CASES?.split(",").map(Number);
for (const testCase of CASES.filter((_, i) => !only || only.includes(i + 1))) {
  const servers = [
    await serve(`before (${before.label})`, before.dir, before.dist, PORT, testCase.env),
    await serve(
      `after (${git("rev-parse", "--short=10", "HEAD")}${git("status", "--porcelain", "--untracked-files=no").length ? " + work tree" : ""})`,
      root,
      AFTER_DIST,
      PORT + 1,
      testCase.env,
    ),
  ];
  try {
    const urls = [];
    for (const server of servers) {
      const url = await demoArticle(server.base);
      // Render it into the page cache and check that it is served from there.
      await text(server.base, url);
      const response = await fetch(server.base + url);
      if (response.headers.get("x-nextjs-cache") !== "HIT" && response.headers.get("x-micro-cache") !== "HIT") throw new Error(`${server.name}: ${url} is not served from a cache`);
      server.policy = response.headers.get("content-security-policy");
      urls.push(url);
    }
    if (!/script-src 'self' 'sha256-/.test(servers[1].policy ?? "")) throw new Error(`after: no hashed policy on ${urls[1]}: ${servers[1].policy}`);
    const results = servers.map(() => []);
    for (const [i, server] of servers.entries()) await run(server, urls[i], testCase.headers); // warm-up, discarded
    for (let round = 0; round < ROUNDS; round++) {
      // A B, then B A: a trend on the machine weighs on both alike.
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) results[i].push(await run(servers[i], urls[i], testCase.headers));
    }
    const summary = results.map((runs) => ({
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((sum, r) => sum + r.errors, 0),
      busy: median(runs.map((r) => r.busy)),
      cpu: median(runs.map((r) => r.cpuPerRequest)),
    }));
    for (const [i, server] of servers.entries()) {
      const s = summary[i];
      table.push(
        `| ${testCase.name} | ${server.name} | ${Math.round(s.rps)} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${Number.isFinite(s.cpu) ? `${Math.round(s.cpu)} µs` : "–"} | ${s.errors} | ${Number.isFinite(s.busy) ? `${Math.round(s.busy * 100)} %` : "–"} |`,
      );
    }
    table.push(
      `| | **change** | **${change(summary[1].rps, summary[0].rps)}** | | **${change(summary[1].p99, summary[0].p99)}** | **${change(summary[1].cpu, summary[0].cpu)}** | | |`,
    );
  } finally {
    for (const server of servers) await server.stop();
  }
}
lines.push(
  `The cached article page before and after the security headers (CSP by hash on reader pages, lib/server/security-headers.mjs), served side by side by \`npm start\` on PGlite and loaded alternately: wrk, ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} runs each after a warm-up; medians. The load generator shares the cores with the servers.`,
  "",
  "| case | build | requests/s | p50 | p99 | server CPU per request | errors | other work (share of all cores, wrk included) |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...table,
);
console.log(lines.join("\n"));
if (process.env.BENCH_NO_WRITE !== "1") writeResults("Säkerhetshuvuden: före och efter (bench/headers.mjs)", lines);
