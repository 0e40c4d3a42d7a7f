import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mailMessages } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { deliverDueMail, fromAddress, IN_FLIGHT_ERROR, MAX_ATTEMPTS, retryDelayMs, smtpTransport, type MailTransport, type OutgoingMail } from "./deliver";
import { enqueueMail } from "./queue";
import { pooledSmtpTransport } from "./transport";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.delete(mailMessages);
});

const message = (n: number, extra: Partial<Parameters<typeof enqueueMail>[1]> = {}) => ({
  to: `mottagare${n}@exempelby.test`,
  subject: `Ämne ${n}`,
  text: `Hej nummer ${n}!`,
  kind: "item.submitted",
  ...extra,
});

/** A transport that records what it was given, optionally failing. */
function recording(fail?: (m: OutgoingMail) => Error | null): MailTransport & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return {
    sent,
    async send(m) {
      const error = fail?.(m);
      if (error) throw error;
      sent.push(m);
    },
  };
}

const rows = () => t.db.select().from(mailMessages);

describe("enqueueMail", () => {
  it("queues inside the caller's transaction: a rolled-back change sends nothing", async () => {
    await t.db
      .transaction(async (tx) => {
        await enqueueMail(tx, message(1));
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(await rows()).toHaveLength(0);
    await t.db.transaction((tx) => enqueueMail(tx, message(2)));
    expect(await rows()).toMatchObject([{ to: "mottagare2@exempelby.test", status: "queued", attempts: 0 }]);
  });

  it("ignores a second message with the same dedupe key, but not messages without one", async () => {
    await enqueueMail(t.db, message(1, { dedupeKey: "issue:1:subscriber:1" }));
    await enqueueMail(t.db, message(1, { dedupeKey: "issue:1:subscriber:1", subject: "Igen" }));
    await enqueueMail(t.db, message(2));
    await enqueueMail(t.db, message(2));
    const all = await rows();
    expect(all).toHaveLength(3);
    expect(all.filter((r) => r.dedupeKey === "issue:1:subscriber:1").map((r) => r.subject)).toEqual(["Ämne 1"]);
  });

  it("keeps a subject on one line", async () => {
    await enqueueMail(t.db, message(1, { subject: "Rad ett\r\nBcc: x@evil.test" }));
    expect((await rows())[0]!.subject).toBe("Rad ett Bcc: x@evil.test");
  });
});

describe("deliverDueMail", () => {
  it("without SMTP keeps due messages in the local outbox", async () => {
    await enqueueMail(t.db, message(1));
    expect(await deliverDueMail(t.db, null)).toEqual({ sent: 0, failed: 0 });
    expect(await rows()).toMatchObject([{ status: "outbox", sentAt: null }]);
    // Nothing is due any more.
    expect(await deliverDueMail(t.db, null)).toEqual({ sent: 0, failed: 0 });
  });

  it("sends through the transport from Kommunbladet's noreply address and marks the message sent", async () => {
    await enqueueMail(t.db, message(1, { html: "<p>Hej</p>" }));
    const transport = recording();
    expect(await deliverDueMail(t.db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(transport.sent).toMatchObject([{ from: "Kommunbladet <noreply@localhost>", to: "mottagare1@exempelby.test", html: "<p>Hej</p>" }]);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    expect(await deliverDueMail(t.db, transport)).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toHaveLength(1);
  });

  it("leaves messages that are not yet due", async () => {
    const now = new Date();
    await enqueueMail(t.db, message(1));
    await t.db.update(mailMessages).set({ nextAttemptAt: new Date(now.getTime() + 60_000) });
    expect(await deliverDueMail(t.db, recording(), now)).toEqual({ sent: 0, failed: 0 });
  });

  it("marks a message failed while it is being handed over, so a crash at that point never leads to a second send", async () => {
    await enqueueMail(t.db, message(1));
    let during: typeof mailMessages.$inferSelect | undefined;
    const transport: MailTransport = {
      async send(m) {
        [during] = await t.db.select().from(mailMessages).where(eq(mailMessages.id, m.id));
        // Another instance running now finds nothing to claim.
        expect(await deliverDueMail(t.db, recording())).toEqual({ sent: 0, failed: 0 });
      },
    };
    await deliverDueMail(t.db, transport);
    expect(during).toMatchObject({ status: "failed", attempts: 1, lastError: IN_FLIGHT_ERROR });
  });

  it("retries with exponential backoff and gives up after five attempts", async () => {
    await enqueueMail(t.db, message(1));
    const transport = recording(() => new Error("Connection refused"));
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverDueMail(t.db, transport, now)).toEqual({ sent: 0, failed: 1 });
      // Not again before the backoff has passed.
      expect(await deliverDueMail(t.db, transport, now)).toEqual({ sent: 0, failed: 0 });
      const [row] = await rows();
      expect(row).toMatchObject({ attempts: attempt, lastError: "Connection refused" });
      if (attempt < MAX_ATTEMPTS) {
        expect(row!.status).toBe("queued");
        expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(attempt));
        now = row!.nextAttemptAt;
      } else {
        expect(row!.status).toBe("failed");
      }
    }
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it("gives up at once on a permanent (5xx) refusal", async () => {
    await enqueueMail(t.db, message(1));
    const refusal = Object.assign(new Error("550 No such user"), { responseCode: 550 });
    expect(
      await deliverDueMail(
        t.db,
        recording(() => refusal),
      ),
    ).toEqual({ sent: 0, failed: 1 });
    expect(await rows()).toMatchObject([{ status: "failed", attempts: 1, lastError: "550 No such user" }]);
  });

  it("sends each of many messages exactly once when several instances deliver at the same time", async () => {
    for (let n = 0; n < 45; n += 1) await enqueueMail(t.db, message(n));
    const transports = [recording(), recording(), recording()];
    const results = await Promise.all(transports.map((transport) => deliverDueMail(t.db, transport)));
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(45);
    const ids = transports.flatMap((tr) => tr.sent.map((m) => m.id));
    expect(new Set(ids).size).toBe(45);
    expect(ids).toHaveLength(45);
    expect((await rows()).every((r) => r.status === "sent")).toBe(true);
  });

  it("builds the sender from PUBLIC_URL's host name", () => {
    expect(fromAddress("https://kommunbladet.exempelby.se/")).toBe("Kommunbladet <noreply@kommunbladet.exempelby.se>");
    expect(fromAddress("http://127.0.0.1:3100")).toBe("Kommunbladet <noreply@localhost>");
  });
});

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) as nodemailer writes Swedish subjects. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          "latin1",
        ).toString("utf8"),
  );
}
function decodeQuotedPrintable(value: string): string {
  const bytes = value.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

describe("deliverDueMail through a real SMTP server", () => {
  let server: SMTPServer;
  let url: string;
  const received: { from: string; to: string[]; data: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith("okand")) callback(Object.assign(new Error("Okänd mottagare"), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    // The transport keeps a pool of connections for the process; a test's server goes away with it.
    pooledSmtpTransport(url).close?.();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("delivers a Swedish message with nodemailer and marks it sent", async () => {
    await enqueueMail(t.db, { to: "karin@exempelby.test", subject: "Att granska: Höstens öppettider", text: "Hej!\n\nÅäö – en rad.", html: "<p>Åäö</p>", kind: "item.submitted" });
    const [queued] = await rows();
    expect(await deliverDueMail(t.db, smtpTransport(url))).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe("noreply@localhost");
    expect(mail.to).toEqual(["karin@exempelby.test"]);
    const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail.data)?.[1] ?? "";
    expect(decodeWords(subject.replace(/\r\n[ \t]/g, " "))).toBe("Att granska: Höstens öppettider");
    expect(mail.data).toMatch(/^From: Kommunbladet <noreply@localhost>/m);
    expect(mail.data).toContain(`Message-ID: <${queued!.id}@localhost>`);
    expect(mail.data).toContain("multipart/alternative");
    expect(decodeQuotedPrintable(mail.data)).toContain("Åäö – en rad.");
    expect(await rows()).toMatchObject([{ status: "sent", attempts: 1, lastError: null }]);
  });

  it("records the SMTP server's refusal and does not retry a 5xx", async () => {
    await enqueueMail(t.db, message(1, { to: "okand@exempelby.test" }));
    expect(await deliverDueMail(t.db, smtpTransport(url))).toEqual({ sent: 0, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toContain("Okänd mottagare");
  });
});
