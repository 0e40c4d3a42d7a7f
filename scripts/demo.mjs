// The first README command's second half: build, then start the demo on the embedded database.
import { buildIfNeeded, ensureAuthSecret, startServer } from "./lib.mjs";

const authSecret = ensureAuthSecret();
const code = await buildIfNeeded();
if (code !== 0) process.exit(code);

const port = process.env.PORT ?? "3000";
// Log-in redirects and links in e-mails are built from PUBLIC_URL: on another port it must follow,
// or logging in lands on localhost:3000.
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const server = startServer({ AUTH_SECRET: authSecret, SEED_DEMO: process.env.SEED_DEMO ?? "1", PORT: port, PUBLIC_URL: publicUrl });
// The server prints the demo log-ins itself once it has seeded (lib/demo/demo-users.ts).
console.log(`\nKommunbladet startar på ${publicUrl}\n`);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (exitCode) => process.exit(exitCode ?? 0));
