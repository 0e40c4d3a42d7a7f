// The first README command's second half: build, then start the demo on the embedded database.
import { buildIfNeeded, ensureAuthSecret, startServer } from "./lib.mjs";

const authSecret = ensureAuthSecret();
const code = await buildIfNeeded();
if (code !== 0) process.exit(code);

const port = process.env.PORT ?? "3000";
const server = startServer({ AUTH_SECRET: authSecret, SEED_DEMO: process.env.SEED_DEMO ?? "1", PORT: port });
// The server prints the demo log-ins itself once it has seeded (db/seed/demo-users.ts).
console.log(`\nKommunbladet startar på http://localhost:${port}\n`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (exitCode) => process.exit(exitCode ?? 0));
