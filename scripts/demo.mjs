// The first README command's second half: build, then start the demo on the embedded database.
import { buildIfNeeded, ensureAuthSecret, startServer } from "./lib.mjs";

const DEMO_LOGINS = [
  "skribent@exempelby.test   Sara Lind, Planarkitekt (skribent)",
  "redaktor@exempelby.test   Jonas Berg, Informatör (redaktör)",
  "utgivare@exempelby.test   Karin Holm, Kommunchef (ansvarig utgivare)",
  "admin@exempelby.test      Ali Hassan, Systemförvaltare (admin)",
];

const authSecret = ensureAuthSecret();
const code = await buildIfNeeded();
if (code !== 0) process.exit(code);

const port = process.env.PORT ?? "3000";
const server = startServer({ AUTH_SECRET: authSecret, SEED_DEMO: process.env.SEED_DEMO ?? "1", PORT: port });
console.log(`\nKommunbladet startar på http://localhost:${port}`);
console.log("Demo-inloggningar, lösenord demo-lösenord-2026:");
for (const line of DEMO_LOGINS) console.log(`  ${line}`);
console.log("");
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (exitCode) => process.exit(exitCode ?? 0));
