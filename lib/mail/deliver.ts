import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { mailMessages } from "@/db/schema";
import type { Db } from "@/db/types";
import { env } from "@/lib/env";
import { pooledSmtpTransport } from "./transport";

/** One message as handed to a transport. */
export type OutgoingMail = {
  /** The queue row's id, also used for the Message-ID header so a receiver can spot a duplicate. */
  id: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
};

/** Anything that can send a message; resolves once the server has accepted it, rejects otherwise. */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
}

export const MAX_ATTEMPTS = 5;
/** How many messages one call claims; the caller's loop calls again for the rest. */
export const BATCH_SIZE = 20;

/**
 * Stored as lastError while a message is being handed to the SMTP server. If the process dies before
 * the outcome is written, this is what staff see in the outbox (Swedish: it is shown to them).
 */
export const IN_FLIGHT_ERROR = "Sändningen avbröts innan resultatet sparades. Meddelandet kan ha skickats – kontrollera innan du skickar det igen.";

/** Wait before attempt n+1 after n failed attempts: 1, 2, 4, 8 minutes. */
export function retryDelayMs(failedAttempts: number): number {
  return 2 ** Math.max(0, failedAttempts - 1) * 60_000;
}

/** The mail domain: the host of PUBLIC_URL, or localhost when that is an IP address or unparseable. */
export function mailHost(publicUrl: string = env().PUBLIC_URL): string {
  try {
    const hostname = new URL(publicUrl).hostname;
    // An address literal (127.0.0.1, [::1]) is not a usable mail domain.
    if (/[a-z]/i.test(hostname) && !hostname.startsWith("[")) return hostname;
  } catch {
    // env() has validated PUBLIC_URL; this only guards direct callers.
  }
  return "localhost";
}

/** "Kommunbladet <noreply@kommun.example>" */
export function fromAddress(publicUrl: string = env().PUBLIC_URL): string {
  return `Kommunbladet <noreply@${mailHost(publicUrl)}>`;
}

/**
 * SMTP for an smtp:// or smtps:// URL: the same pooled connections the newsletter sender uses (one
 * pool per URL per process), so notifications and newsletters share them and neither opens its own.
 */
export function smtpTransport(url: string): MailTransport {
  const pool = pooledSmtpTransport(url);
  return {
    async send(message) {
      await pool.send({ ...message, messageId: `<${message.id}@${mailHost()}>`, headers: {} });
    },
  };
}

/** SMTP when SMTP_URL is set; null means "keep messages in the local outbox". */
export function defaultTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  return url ? smtpTransport(url) : null;
}

/** 5xx replies (unknown mailbox, rejected content) will not get better by retrying. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}

/**
 * Delivers every queued message that is due. Safe to run from several app instances at once.
 *
 * Without a transport (no SMTP_URL, or `null` passed) due messages move to the local outbox, where
 * staff can read them.
 *
 * Why a message is marked "failed" BEFORE it is sent: a message must never be sent twice. Claiming
 * happens in a short transaction (FOR UPDATE SKIP LOCKED, so two instances never claim the same row)
 * that sets status "failed" with IN_FLIGHT_ERROR and counts the attempt; only after that commits do we
 * talk to the SMTP server, outside any transaction (holding a row lock during a network call would
 * also stall PGlite, which runs one transaction at a time). Then:
 *  - accepted → "sent" with sentAt;
 *  - refused or unreachable (we know it was not accepted) → back to "queued" with backoff, or "failed"
 *    with the error after MAX_ATTEMPTS or on a permanent 5xx reply;
 *  - the process dies in between → the row stays "failed" with IN_FLIGHT_ERROR: possibly delivered,
 *    never retried by itself. The alternative, sending inside the claiming transaction, would roll the
 *    row back to "queued" on a crash after the SMTP server accepted it, and the retry would send a
 *    duplicate. We prefer "at most once, visibly flagged" to "at least once".
 */
export async function deliverDueMail(db: Db, transport: MailTransport | null = defaultTransport(), now = new Date()): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  const from = fromAddress();
  for (;;) {
    const claimed = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.status, "queued"), lte(mailMessages.nextAttemptAt, now)))
        .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.createdAt))
        .limit(BATCH_SIZE)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        await tx
          .update(mailMessages)
          .set(transport ? { status: "failed", attempts: row.attempts + 1, lastError: IN_FLIGHT_ERROR } : { status: "outbox", lastError: null })
          .where(eq(mailMessages.id, row.id));
      }
      return rows;
    });
    if (claimed.length === 0 || !transport) return { sent, failed };

    for (const row of claimed) {
      const attempts = row.attempts + 1;
      try {
        await transport.send({ id: row.id, from, to: row.to, subject: row.subject, text: row.text, html: row.html ?? undefined });
        await db.update(mailMessages).set({ status: "sent", sentAt: new Date(), lastError: null }).where(eq(mailMessages.id, row.id));
        sent += 1;
      } catch (error) {
        const giveUp = attempts >= MAX_ATTEMPTS || isPermanent(error);
        await db
          .update(mailMessages)
          .set({
            status: giveUp ? "failed" : "queued",
            lastError: errorText(error),
            nextAttemptAt: giveUp ? row.nextAttemptAt : new Date(now.getTime() + retryDelayMs(attempts)),
          })
          .where(eq(mailMessages.id, row.id));
        failed += 1;
      }
    }
    // A batch smaller than the limit was everything that was due.
    if (claimed.length < BATCH_SIZE) return { sent, failed };
  }
}
