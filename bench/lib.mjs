// Shared by the benchmark scripts: a production server on a throwaway embedded database, and a
// logged-in browser. Loopback only; everything is bounded and stops by itself.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";

export const root = path.resolve(import.meta.dirname, "..");

/**
 * `npm start` (scripts/start.mjs) on a throwaway database, seeded with the demo: the embedded one in a
 * temp folder (one process), or, with `postgresUrl` (any database on a PostgreSQL server), a fresh
 * database created beside it and dropped at the end — then as many workers as `npm start` runs
 * there (WEB_CONCURRENCY, default one per core).
 */
export async function startServer(port, { postgresUrl, env = {} } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-bench-"));
  let databaseEnv = { PGLITE_DIR: path.join(dataDir, "db"), DATABASE_URL: "" };
  let dropDatabase = async () => {};
  if (postgresUrl) {
    const { default: pg } = await import("pg");
    const name = `kb_bench_${port}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    databaseEnv = { DATABASE_URL: Object.assign(new URL(postgresUrl), { pathname: `/${name}` }).toString() };
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  const server = spawn(process.execPath, [path.join(root, "scripts/start.mjs"), "-p", String(port)], {
    cwd: root,
    env: { ...process.env, ...databaseEnv, SEED_DEMO: "1", AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  server.stdout.on("data", (chunk) => (log += chunk));
  server.stderr.on("data", (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const workers = Number(log.match(/Startar (\d+) arbetsprocesser/)?.[1] ?? 1);
  return {
    base,
    database: postgresUrl ? "PostgreSQL" : "PGlite",
    microCache: (env.PAGE_MICROCACHE_MS ?? process.env.PAGE_MICROCACHE_MS) !== "0",
    pgid: server.pid, // detached: the server and its workers form this process group
    workers,
    stop: async () => {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 1000));
      fs.rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase().catch((error) => console.error("Could not drop the benchmark database:", error.message));
    },
  };
}

export async function loggedInBrowser(base, email = "redaktor@exempelby.test") {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/logga-in");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Lösenord").fill("demo-lösenord-2026");
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL(/\/redaktion$/);
  return { browser, context, page };
}

/** The first newsletter article page of the demo (the issue's article links), else the first post. */
export async function demoArticle(base) {
  const archive = await (await fetch(new URL("/nyhetsbrev", base))).text();
  const issue = archive.match(/href="(\/nyhetsbrev\/\d{4}\/\d+)"/)?.[1];
  if (issue) {
    const issueHtml = await (await fetch(new URL(issue, base))).text();
    const article = issueHtml.match(/href="(\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+)"/)?.[1];
    if (article && (await fetch(new URL(article, base))).status === 200) return article;
  }
  const blog = await (await fetch(new URL("/blogg/kommunchefen", base))).text();
  return blog.match(/href="(\/blogg\/kommunchefen\/[a-z0-9-]+)"/)[1];
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * One wrk run (apt-get install wrk): a Node load generator tops out near 8,000 req/s here, below what
 * a cached page is served at. Asynchronous, so work in this process (searchers, say) goes on meanwhile.
 * @param {string} url
 * @param {{ connections?: number; seconds?: number; headers?: Record<string, string> }} [options]
 */
export async function wrk(url, { connections = 32, seconds = 10, headers = {} } = {}) {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]), url];
  const child = spawn("wrk", args);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const status = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (status !== 0) throw new Error(`wrk failed (is it installed? apt-get install wrk): ${stderr}`);
  const ms = (text) => {
    const [, n, unit] = text.match(/([\d.]+)(us|ms|s)/) ?? [];
    return Number(n) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);
  };
  return {
    rps: Number(stdout.match(/Requests\/sec:\s+([\d.]+)/)?.[1]),
    p50: ms(stdout.match(/\s50%\s+(\S+)/)?.[1] ?? ""),
    p99: ms(stdout.match(/\s99%\s+(\S+)/)?.[1] ?? ""),
    errors: Number(stdout.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1] ?? 0) + Number(stdout.match(/Socket errors:.*timeout (\d+)/)?.[1] ?? 0),
  };
}

/** Jiffies (USER_HZ) of the whole machine from /proc/stat: all, and idle. */
export function machineTicks() {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] + fields[4] };
}

/** CPU jiffies used so far by the processes of one process group (the server and its workers). */
export function groupTicks(pgid) {
  let ticks = 0;
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/** Appends a section to bench/RESULTS.md, replacing an older section with the same heading. */
export function writeResults(heading, lines) {
  const file = path.join(root, "bench", "RESULTS.md");
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmark results\n";
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = `## ${heading}\n\nRun ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}.\n\n${lines.join("\n")}\n`;
  const pattern = new RegExp(`## ${heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(existing) ? existing.replace(pattern, section.trimEnd()) : `${existing.trimEnd()}\n\n${section}`;
  fs.writeFileSync(file, `${next.trimEnd()}\n`);
}

/** A document of about `words` words in the editor's JSON shape. */
export function longDocument(words) {
  const sentence = "Kommunen bygger en ny förskola vid Storsjön och invånarna har fått tycka till om utemiljön under våren";
  const perParagraph = 60;
  const content = [];
  for (let n = 0; n < words; n += perParagraph) {
    const text = Array.from({ length: perParagraph / 15 }, () => `${sentence}.`).join(" ");
    content.push(
      n % 600 === 0
        ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `Avsnitt ${n / 600 + 1}` }] }
        : { type: "paragraph", content: [{ type: "text", text }] },
    );
  }
  return { type: "doc", content };
}
