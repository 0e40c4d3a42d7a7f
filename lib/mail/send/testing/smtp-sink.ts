import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";

/** A message the sink accepted: the envelope recipients and (unless discarded) the raw MIME. */
export type SunkMessage = { to: string[]; raw: Buffer | null };

export type SmtpSink = {
  url: string;
  messages: SunkMessage[];
  /** Resolves when `n` messages have been accepted in all. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
};

/**
 * A real SMTP server on loopback for tests and the bench. `refuse` may turn a recipient away with an
 * SMTP reply code (451: try later; 550: no such mailbox), as a real server does at RCPT TO.
 */
export async function startSmtpSink(options: { discard?: boolean; refuse?: (address: string) => number | null } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    // Pooled clients keep their connections open; close() should not wait 30 s for them.
    closeTimeout: 100,
    // A reverse DNS lookup per connection costs seconds on a machine without a resolver.
    disableReverseLookup: true,
    maxClients: 100,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.(address.address) ?? null;
      if (code) return callback(Object.assign(new Error(code >= 500 ? "Okänd mottagare" : "Försök igen senare"), { responseCode: code }));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => {
        if (!options.discard) chunks.push(chunk);
      });
      stream.on("end", () => {
        messages.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: options.discard ? null : Buffer.concat(chunks) });
        for (const waiter of waiters.filter((w) => messages.length >= w.n)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        callback();
      });
    },
  });
  // Without this, each small reply waits out the peer's delayed ACK (~40 ms on Linux loopback).
  server.server.on("connection", (socket: import("node:net").Socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (n) => (messages.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
