import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database per run, unless scripts/test.mjs prepared a PostgreSQL one. Playwright
// evaluates this file again in every worker: only the first evaluation (where the variable is not
// yet inherited) chooses and clears the folder, so workers never touch the server's live data.
if (!process.env.E2E_PGLITE_DIR) {
  const dataRoot = path.join(import.meta.dirname, "e2e", ".data", String(port));
  fs.rmSync(dataRoot, { recursive: true, force: true });
  process.env.E2E_PGLITE_DIR = path.join(dataRoot, `pglite-${Date.now()}`);
}
const databaseEnv: Record<string, string> = process.env.E2E_DATABASE_URL
  ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
  : { PGLITE_DIR: process.env.E2E_PGLITE_DIR, DATABASE_URL: "" };

/** Specs that publish into the shared e2e server and so change what "latest" means. */
const PUBLISHING = /(workflow|issue-workflow|never-public|feeds|newsletter-subscription|xss|description)\.spec\.ts$/;
/** Specs that change the site's identity, which every public page shows: run last, alone. */
const IDENTITY = /site-identity\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without these, Chromium keeps trying to reach Google's hosts on a machine with no network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // Tests that read the seeded site ("the latest issue", "the first article") run before the
    // ones that publish new issues and posts into the same server.
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: [PUBLISHING, IDENTITY] },
    { name: "publishing", use: { ...devices["Desktop Chrome"] }, dependencies: ["chromium"], testMatch: PUBLISHING },
    { name: "identity", use: { ...devices["Desktop Chrome"] }, dependencies: ["publishing"], testMatch: IDENTITY },
  ],
  webServer: {
    // As `npm start` runs it: on PostgreSQL (E2E_DATABASE_URL) that is one worker process per core.
    command: `node scripts/start.mjs -p ${port}`,
    url: `${baseURL}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      ...databaseEnv,
      SEED_DEMO: "1",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      PUBLIC_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
