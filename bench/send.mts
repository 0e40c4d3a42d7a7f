// Sending one issue to 10,000 confirmed subscribers through a local SMTP sink (issue: newsletter
// sending), on PGlite in a temp folder and, with BENCH_DATABASE_URL (a PostgreSQL server URL; a
// throwaway database is created and dropped), on PostgreSQL. Reference from the same run: a bare
// nodemailer pool sending 10,000 copies of the same message into the same kind of sink.
//   npx tsx bench/send.mts
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:55491/postgres npx tsx bench/send.mts
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
// @ts-expect-error plain ESM helper without types
import { writeResults } from "./lib.mjs";

// Outside Next, "server-only" throws on import; inside Next's server it is an empty module. Be Next.
register(
  `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { return s === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(s, c); }')}`,
);
const { openDatabase } = await import("../db/open");
const { prepareEdition } = await import("../lib/mail/send/edition");
const { runSender } = await import("../lib/mail/send/send");
const { noDelaySocket, pooledSmtpTransport, POOL_MAX_CONNECTIONS } = await import("../lib/mail/transport");
const { addSubscribers, publishedIssue } = await import("../lib/mail/send/testing/fixtures");
const { startSmtpSink } = await import("../lib/mail/send/testing/smtp-sink");
const { renderIssueEmail } = await import("../lib/mail/edition");
const { issueData } = await import("../lib/mail/edition/fixtures");
const { personalize } = await import("../lib/mail/edition/placeholder");

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? (await import("../lib/mail/send/send")).SEND_BATCH_SIZE);

/** Peak resident memory while `run` runs, sampled every 20 ms. */
async function withPeakRss<T>(run: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await run();
    return { value, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

type Row = { database: string; seconds: number; perSecond: number; peakMb: number; renders: number; renderMs: number; duplicates: number; lost: number };

async function benchDatabase(name: string, open: () => ReturnType<typeof openDatabase>): Promise<Row> {
  const database = await open();
  const sink = await startSmtpSink({ discard: true });
  try {
    const { publicationId, issueId } = await publishedIssue(database.db);
    await addSubscribers(database.db, publicationId, SUBSCRIBERS, { prefix: "bench" });
    let renders = 0;
    const renderStarted = performance.now();
    const prepared = await prepareEdition(database.db, { issueId }, async () => {
      renders += 1;
      return renderIssueEmail(issueData());
    });
    const renderMs = performance.now() - renderStarted;
    if (prepared?.queued !== SUBSCRIBERS) throw new Error(`queued ${prepared?.queued}`);
    const transport = pooledSmtpTransport(sink.url);
    const started = performance.now();
    const { peakMb } = await withPeakRss(async () => {
      for (;;) {
        const pass = await runSender(database.db, transport, { budgetMs: 8_000, batchSize: BATCH });
        if (pass.claimed + pass.skipped === 0) break;
      }
    });
    const seconds = (performance.now() - started) / 1000;
    transport.close?.();
    const copies = new Map<string, number>();
    for (const m of sink.messages) for (const to of m.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    const duplicates = [...copies.values()].filter((n) => n > 1).length;
    const lost = SUBSCRIBERS - copies.size;
    if (renders !== 1) throw new Error(`rendered ${renders} times`);
    return { database: name, seconds, perSecond: SUBSCRIBERS / seconds, peakMb, renders, renderMs, duplicates, lost };
  } finally {
    await sink.close();
    await database.close();
  }
}

/** The same message, 10,000 times, straight through a nodemailer pool: what SMTP alone costs here. */
async function reference(): Promise<{ seconds: number; perSecond: number; peakMb: number }> {
  const sink = await startSmtpSink({ discard: true });
  const rendered = personalize(await renderIssueEmail(issueData()), "https://exempelby.example/prenumerera/avsluta/x");
  const port = Number(new URL(sink.url).port);
  // The same socket setting as the sender (Nagle off), so the ratio is the sender's own overhead.
  const transporter = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    pool: true,
    maxConnections: POOL_MAX_CONNECTIONS,
    maxMessages: 100,
    getSocket: noDelaySocket,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const started = performance.now();
  const { peakMb } = await withPeakRss(async () => {
    for (let i = 0; i < SUBSCRIBERS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, (_, j) =>
          transporter.sendMail({ from: "Kommunbladet <noreply@localhost>", to: `ref${i + j}@exempelby.test`, subject: rendered.subject, html: rendered.html, text: rendered.text }),
        ),
      );
    }
  });
  const seconds = (performance.now() - started) / 1000;
  transporter.close();
  await sink.close();
  if (sink.messages.length !== SUBSCRIBERS) throw new Error(`reference lost messages: ${sink.messages.length}`);
  return { seconds, perSecond: SUBSCRIBERS / seconds, peakMb };
}

const rows: Row[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-bench-send-"));
try {
  rows.push(await benchDatabase("PGlite", () => openDatabase({ PGLITE_DIR: path.join(dir, "data") })));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `kb_bench_send_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    rows.push(await benchDatabase("PostgreSQL", () => openDatabase({ DATABASE_URL: url.toString(), PGLITE_DIR: "" })));
  } finally {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}
const ref = await reference();

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [
  `Script: \`npx tsx bench/send.mts\` (PostgreSQL too with \`BENCH_DATABASE_URL\`). One issue (the e-mail renderer's test issue, ${fmt(
    (await renderIssueEmail(issueData())).html.length / 1024,
  )} kB of HTML) to ${fmt(SUBSCRIBERS)} confirmed subscribers: \`prepareEdition\` (render once, one delivery row each), then \`runSender\` passes (8 s budget each, batches of ${BATCH}, pool of ${POOL_MAX_CONNECTIONS} connections) into an smtp-server sink on loopback that discards the data. Reference: a bare nodemailer pool (same pool size, same no-delay sockets), the same message 10,000 times into the same kind of sink, 50 at a time.`,
  "",
  "| database | total | messages/s | peak RSS | renders (ms) | duplicates | lost | vs. reference |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.database} | ${fmt(r.seconds, 1)} s | ${fmt(r.perSecond)} | ${fmt(r.peakMb)} MB | ${r.renders} (${fmt(r.renderMs)}) | ${r.duplicates} | ${r.lost} | ${fmt(r.perSecond / ref.perSecond, 2)}× |`,
  ),
  `| reference: bare nodemailer pool | ${fmt(ref.seconds, 1)} s | ${fmt(ref.perSecond)} | ${fmt(ref.peakMb)} MB | | | | 1.00× |`,
  "",
  "Target: at least 200 messages/s. Each message is personalized (unsubscribe link in HTML and text, List-Unsubscribe headers), claimed in the database before it is handed over and marked sent after.",
];
console.log(lines.join("\n"));
if (process.argv.includes("--write") || process.env.BENCH_WRITE !== "0") writeResults("Utskick av nyhetsbrev (10 000 prenumeranter)", lines);
process.exit(0);
