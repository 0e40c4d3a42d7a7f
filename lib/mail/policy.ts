/**
 * The rules of the newsletter sender as plain functions: what a failed hand-over means, when to try
 * again, when a subscriber is paused, and when another worker's claim counts as abandoned.
 */

/** Tries per delivery, the first included, before a temporary failure becomes "failed". */
export const MAX_SEND_ATTEMPTS = 5;
/** Permanent failures in a row after which an address gets nothing more (pausedAt is set). */
export const PAUSE_AFTER_PERMANENT_FAILURES = 3;
/** A claim older than this is abandoned even when we cannot tell whether its worker lives (other hosts). */
export const STALE_CLAIM_MS = 10 * 60_000;

export type FailureKind = "temporary" | "permanent";

/** Node and nodemailer codes of a connection that failed before the server took the message. */
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ECONNRESET", "ECONNREFUSED", "ESOCKET", "EDNS", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);

/**
 * 5xx replies (unknown mailbox, refused content) will not change by retrying; 4xx replies ("try
 * later", greylisting) and broken connections may. Anything else unrecognised is retried too: it
 * costs at most MAX_SEND_ATTEMPTS tries, while giving up on a fluke loses the message.
 */
export function classifyFailure(error: unknown): FailureKind {
  const { responseCode, code } = (error ?? {}) as { responseCode?: unknown; code?: unknown };
  if (typeof responseCode === "number") return responseCode >= 500 && responseCode < 600 ? "permanent" : "temporary";
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return "temporary";
  return "temporary";
}

/** The reason kept on the delivery and shown to staff (grouped), without stack or line breaks. */
export function failureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 500) || "Okänt fel";
}

/** Wait before attempt n+1 after n attempts: 1, 2, 4, 8 minutes. */
export function sendRetryDelayMs(attempts: number): number {
  return 2 ** Math.max(0, attempts - 1) * 60_000;
}

/** What a failure turns the delivery into. */
export function afterFailure(kind: FailureKind, attempts: number, now: Date): { status: "queued"; nextAttemptAt: Date } | { status: "failed" } {
  if (kind === "permanent" || attempts >= MAX_SEND_ATTEMPTS) return { status: "failed" };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + sendRetryDelayMs(attempts)) };
}

/** A worker's identity: host, pid and the start of the process, so a restarted pid 1 is a new worker. */
export type WorkerIdentity = { host: string; pid: number; start: string };

export function formatWorkerId(id: WorkerIdentity): string {
  return `${id.host}:${id.pid}:${id.start}`;
}

export function parseWorkerId(value: string): WorkerIdentity | null {
  const match = /^(.*):(\d+):([^:]+)$/.exec(value);
  return match ? { host: match[1]!, pid: Number(match[2]), start: match[3]! } : null;
}

/**
 * Whether the worker that claimed a delivery is gone, so its "sending" rows become "Okänt utfall".
 * Our own claims are alive. On our host a claimer is dead when its pid no longer runs, or is our own
 * pid from an earlier start (a container restarts as pid 1 again). Another host's claimer cannot be
 * asked: only the age of the claim tells.
 */
export function claimIsAbandoned(
  claim: { claimedBy: string | null; claimedAt: Date | null },
  self: WorkerIdentity,
  now: Date,
  isAlive: (pid: number) => boolean,
  staleMs = STALE_CLAIM_MS,
): boolean {
  if (claim.claimedBy === formatWorkerId(self)) return false;
  if (!claim.claimedAt || now.getTime() - claim.claimedAt.getTime() > staleMs) return true;
  const other = claim.claimedBy ? parseWorkerId(claim.claimedBy) : null;
  if (!other) return true;
  if (other.host !== self.host) return false;
  return other.pid === self.pid || !isAlive(other.pid);
}
