// Helpers shared by the demo and test scripts (plain Node, so they run before anything is built).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Runs a command with inherited output; resolves with its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const SOURCES = ["app", "components", "db", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Builds the production app unless a build newer than every source file is already there. */
export async function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime))) {
    console.log("Bygget är aktuellt; hoppar över next build.");
    return 0;
  }
  return run(process.execPath, [nextBin, "build"], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

export function startServer(env) {
  // As `npm start` runs it (scripts/start.mjs): one process on the embedded database.
  return spawn(process.execPath, [path.join(root, "scripts", "start.mjs"), "-p", String(env.PORT ?? 3000)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
}

/** AUTH_SECRET from the environment, else from .env.local, else a new one written to .env.local. */
export function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(root, ".env.local");
  const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const match = /^AUTH_SECRET=(.+)$/m.exec(existing);
  if (match) return match[1].trim();
  const secret = randomBytes(33).toString("base64url");
  fs.appendFileSync(file, `${existing && !existing.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`);
  console.log("Skapade en ny AUTH_SECRET i .env.local.");
  return secret;
}

/** Debian's chromium (Playwright cannot download its own browsers here). */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
    if (found) return found;
  }
  return null;
}
