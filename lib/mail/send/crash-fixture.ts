// A sender in a process of its own, for the crash and two-worker tests (crash.test.ts):
//   node --conditions=react-server --import tsx lib/mail/send/crash-fixture.ts
// Environment: SEND_FIXTURE_DB (a PGlite data folder, or a postgres:// URL), SEND_FIXTURE_SMTP (the
// test's SMTP sink), SEND_FIXTURE_BATCH. It sends until nothing is due, then exits 0. The
// react-server condition turns "server-only" into the empty module it is inside Next's server.
import { openDatabase } from "@/db/open";
import { runSender } from "./send";
import { pooledSmtpTransport } from "../transport";

const target = process.env.SEND_FIXTURE_DB!;
const smtp = process.env.SEND_FIXTURE_SMTP!;
const batchSize = Number(process.env.SEND_FIXTURE_BATCH ?? 50);

const database = await openDatabase(target.startsWith("postgres") ? { DATABASE_URL: target, PGLITE_DIR: "" } : { PGLITE_DIR: target });
const transport = pooledSmtpTransport(smtp);
const total = { sent: 0, unknown: 0 };
for (;;) {
  const pass = await runSender(database.db, transport, { batchSize, budgetMs: 60_000 });
  total.sent += pass.sent;
  total.unknown += pass.unknown;
  if (pass.claimed + pass.skipped === 0 && pass.retried === 0) break;
}
transport.close?.();
await database.close();
process.stdout.write(`${JSON.stringify(total)}\n`);
