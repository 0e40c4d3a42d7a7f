// `npm test`: every test. Vitest (unit + integration on PGlite, or on PostgreSQL when
// TEST_DATABASE_URL is set), then Playwright end-to-end against a production build; before them,
// ESLint and Prettier's check, each counted as one test.
// Ends with one line "N passed, N failed" summing both runners.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, findChromium, root, run } from "./lib.mjs";

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-test-results-"));

function ensureChromium() {
  let chromium = findChromium();
  if (!chromium && process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0) {
    console.log("Chromium saknas: installerar Debians chromium-paket …");
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
    chromium = findChromium();
  }
  if (!chromium) {
    console.error("Hittar ingen Chromium. Installera den (Debian: sudo apt-get install chromium) eller sätt CHROMIUM_PATH.");
    process.exit(1);
  }
  return chromium;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function prepareE2eDatabase() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return {};
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query("drop database if exists kb_e2e with (force)");
  await admin.query("create database kb_e2e");
  await admin.end();
  return { E2E_DATABASE_URL: Object.assign(new URL(url), { pathname: "/kb_e2e" }).toString() };
}

const chromium = ensureChromium();
let passed = 0;
let failed = 0;

// Lint and format first; a failing check counts as one failure, and the tests run anyway.
for (const [name, cli, args] of [
  ["ESLint", path.join(root, "node_modules", "eslint", "bin", "eslint.js"), ["."]],
  ["Prettier", path.join(root, "node_modules", "prettier", "bin", "prettier.cjs"), ["--check", "."]],
]) {
  const code = await run(process.execPath, [cli, ...args]);
  if (code === 0) passed += 1;
  else {
    console.error(`${name} hittade fel (npm run ${name === "ESLint" ? "lint" : "format:check"}).`);
    failed += 1;
  }
}

const vitestJson = path.join(outDir, "vitest.json");
const vitestCode = await run(process.execPath, [
  path.join(root, "node_modules", "vitest", "vitest.mjs"),
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
passed += vitest?.numPassedTests ?? 0;
failed += vitest?.numFailedTests ?? 0;
if (vitestCode !== 0 && !vitest?.numFailedTests) failed += 1; // crashed before reporting

const buildCode = await buildIfNeeded();
if (buildCode !== 0) {
  console.error("next build misslyckades: end-to-end-testerna kan inte köras.");
  failed += 1;
} else {
  const playwrightJson = path.join(outDir, "playwright.json");
  const playwrightCode = await run(process.execPath, [path.join(root, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"], {
    env: { ...process.env, ...(await prepareE2eDatabase()), CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  });
  const stats = readJson(playwrightJson)?.stats;
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  if (playwrightCode !== 0 && !stats?.unexpected) failed += 1;
}

fs.rmSync(outDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
