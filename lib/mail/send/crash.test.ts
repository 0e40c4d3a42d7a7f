import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase, type OpenDatabase } from "@/db/open";
import { mailDeliveries, subscribers } from "@/db/schema";
import { adminUrl } from "@/db/testing/urls";
import type { Db } from "@/db/types";
import { prepareEdition } from "./edition";
import { addSubscribers, fakeRender, publishedIssue } from "./testing/fixtures";
import { startSmtpSink, type SmtpSink } from "./testing/smtp-sink";

const SUBSCRIBERS = 2_000;
const BATCH = 50;
const database = inject("testDatabase");

/** A sender in a child process (crash-fixture.ts), as a second server or a restarted one would be. */
function startWorker(db: string, sink: SmtpSink): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(import.meta.dirname, "crash-fixture.ts")], {
    cwd: process.cwd(),
    env: { ...process.env, SEND_FIXTURE_DB: db, SEND_FIXTURE_SMTP: sink.url, SEND_FIXTURE_BATCH: String(BATCH) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited };
}

async function seed(db: Db): Promise<string> {
  const { publicationId, issueId } = await publishedIssue(db, 1);
  await addSubscribers(db, publicationId, SUBSCRIBERS, { prefix: "mottagare" });
  return (await prepareEdition(db, { issueId }, fakeRender()))!.editionId;
}

/** Received copies per address, and the addresses the database has in each status. */
async function tally(db: Db, sink: SmtpSink) {
  const copies = new Map<string, number>();
  for (const message of sink.messages) for (const to of message.to) copies.set(to, (copies.get(to) ?? 0) + 1);
  const rows = await db
    .select({ email: subscribers.email, status: mailDeliveries.status })
    .from(mailDeliveries)
    .innerJoin(subscribers, eq(subscribers.id, mailDeliveries.subscriberId));
  const byStatus = (status: string) => rows.filter((r) => r.status === status).map((r) => r.email);
  return { copies, rows, byStatus };
}

describe("a sender killed mid-send", () => {
  let dir: string;
  let sink: SmtpSink;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kb-send-crash-"));
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("never sends an address two copies; only the killed batch is of unknown outcome", { timeout: 180_000 }, async () => {
    // PGlite serves one process: the parent seeds and closes, each child owns the folder in turn.
    const folder = path.join(dir, "data");
    let opened: OpenDatabase = await openDatabase({ PGLITE_DIR: folder });
    await seed(opened.db);
    await opened.close();

    const first = startWorker(folder, sink);
    await sink.waitFor(500);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    const atKill = sink.messages.length;
    expect(atKill).toBeLessThan(SUBSCRIBERS);

    const second = startWorker(folder, sink);
    expect(await second.exited).toBe(0);

    opened = await openDatabase({ PGLITE_DIR: folder });
    try {
      const { copies, rows, byStatus } = await tally(opened.db, sink);
      expect(rows).toHaveLength(SUBSCRIBERS);
      expect([...copies.values()].filter((n) => n > 1)).toEqual([]);
      const unknown = byStatus("unknown");
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.length).toBeLessThanOrEqual(BATCH);
      expect(byStatus("sent").length + unknown.length).toBe(SUBSCRIBERS);
      for (const email of byStatus("sent")) expect(copies.get(email)).toBe(1);
      // Whatever was not received is among the unknown ones, never silently lost.
      const missing = rows.filter((r) => !copies.has(r.email)).map((r) => r.email);
      expect(missing.every((email) => unknown.includes(email))).toBe(true);
    } finally {
      await opened.close();
    }
  });
});

describe.runIf(database.kind === "postgres")("two senders on one PostgreSQL", () => {
  let url: string;
  let admin: pg.Client;
  let opened: OpenDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    if (database.kind !== "postgres") return;
    const name = `kb_send_${randomBytes(6).toString("hex")}`;
    admin = new pg.Client({ connectionString: adminUrl(database.url) });
    await admin.connect();
    await admin.query(`create database ${name} template ${database.template}`);
    url = adminUrl(database.url, name);
    opened = await openDatabase({ DATABASE_URL: url, PGLITE_DIR: "" });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
    await opened?.close();
    await admin?.query(`drop database if exists ${new URL(url).pathname.slice(1)}`);
    await admin?.end();
  });

  it("share one issue without a single duplicate", { timeout: 180_000 }, async () => {
    const editionId = await seed(opened.db);
    const workers = [startWorker(url, sink), startWorker(url, sink)];
    expect(await Promise.all(workers.map((w) => w.exited))).toEqual([0, 0]);
    const { copies, byStatus } = await tally(opened.db, sink);
    expect(copies.size).toBe(SUBSCRIBERS);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    expect(byStatus("sent")).toHaveLength(SUBSCRIBERS);
    // Both took part: the claim, not luck, kept them apart.
    const claimers = await opened.db.execute(sql`select count(distinct claimed_by)::int as n from mail_deliveries where edition_id = ${editionId}`);
    expect((claimers as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });
});
