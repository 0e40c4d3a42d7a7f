import net from "node:net";
import os from "node:os";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { formatWorkerId, type WorkerIdentity } from "./policy";

/** One message as handed to SMTP: a subscriber's copy of an edition, or a notification. */
export type EditionMessage = {
  /** The delivery id: the Message-ID is made from it, so a receiver can spot a duplicate. */
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Absent for a notification that has a text part only. */
  html?: string;
  headers: Record<string, string>;
};

/** Resolves once the server accepted the message; rejects with nodemailer's error otherwise. */
export interface EditionTransport {
  send(message: EditionMessage): Promise<void>;
  /** How many messages may be in flight at once (the pool's connections). */
  readonly concurrency: number;
  /** Closes pooled connections (scripts and tests; the app's pool lives as long as the process). */
  close?(): void;
}

export const POOL_MAX_CONNECTIONS = 5;
export const POOL_MAX_MESSAGES = 100;

const poolKey = Symbol.for("kommunbladet.sendPools");
type Pools = { [poolKey]?: Map<string, EditionTransport> };

/**
 * A pooled nodemailer transport for an smtp(s):// URL, one per URL per process: a newsletter is
 * thousands of messages, and a new connection (and TLS handshake) per message would dominate. The
 * URL is taken apart here because nodemailer ignores every other option when given a URL. (smtps:
 * nodemailer upgrades the plain socket it is handed to TLS; smtp: STARTTLS as usual.)
 */
export function pooledSmtpTransport(url: string, maxConnections = POOL_MAX_CONNECTIONS): EditionTransport {
  const pools = ((globalThis as Pools)[poolKey] ??= new Map());
  const key = `${url}#${maxConnections}`;
  let transport = pools.get(key);
  if (!transport) {
    const parsed = new URL(url);
    const secure = parsed.protocol === "smtps:";
    const transporter = nodemailer.createTransport({
      host: parsed.hostname.replace(/^\[|\]$/g, ""),
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      pool: true,
      maxConnections,
      maxMessages: POOL_MAX_MESSAGES,
      // nodemailer writes a message in several small writes; with Nagle's algorithm each waits for the
      // server's delayed ACK (~40 ms), which capped a pool of five at ~90 messages/s on loopback.
      getSocket: noDelaySocket,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    const created: EditionTransport = {
      concurrency: maxConnections,
      async send(message) {
        await transporter.sendMail({
          from: message.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
          messageId: message.messageId,
        });
      },
      close() {
        pools.delete(key);
        transporter.close();
      },
    };
    pools.set(key, created);
    transport = created;
  }
  return transport;
}

/** nodemailer's getSocket hook: a plain TCP connection with Nagle's algorithm off. */
export function noDelaySocket(options: { host: string; port: number }, callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void): void {
  const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
  socket.once("error", (error) => callback(error));
  socket.once("connect", () => callback(null, { connection: socket }));
}

/** SMTP when SMTP_URL is set; null keeps every message in the local outbox (the demo). */
export function defaultEditionTransport(): EditionTransport | null {
  const url = env().SMTP_URL;
  return url ? pooledSmtpTransport(url) : null;
}

const startedAt = Date.now().toString(36);

/** This process as a claimer of deliveries. */
export function currentWorker(): WorkerIdentity {
  return { host: os.hostname(), pid: process.pid, start: startedAt };
}

export const currentWorkerId = (): string => formatWorkerId(currentWorker());

/** Whether a pid runs on this host (EPERM: it runs, as someone else). */
export function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
