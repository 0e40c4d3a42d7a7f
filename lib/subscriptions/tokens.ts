import { createHash, randomBytes } from "node:crypto";
import { readSignedId, signId } from "@/lib/auth/signed-id";
import { absoluteUrl } from "@/lib/feeds/urls";
import { mailHost } from "@/lib/mail/deliver";

const UNSUBSCRIBE = "unsubscribe";

/**
 * The unsubscribe token of a subscriber: the id signed (lib/auth/signed-id), so it needs no column and
 * is the same in every message to that person. It carries the whole 43-character HMAC: the outbox
 * hides links with a run of 40 or more token characters from staff who are not the recipient
 * (lib/mail/outbox.ts hideOneTimeLinks). (Rotating AUTH_SECRET ends the links in mail already sent;
 * the page then asks for the address.)
 */
export function unsubscribeToken(subscriberId: string): string {
  return signId(UNSUBSCRIBE, subscriberId);
}

/** The subscriber id a token names, or null when it was not made by unsubscribeToken(). */
export function readUnsubscribeToken(token: string): string | null {
  return readSignedId(UNSUBSCRIBE, token);
}

/** The HTTPS page (GET) and the RFC 8058 one-click target (POST) in every message. */
export function unsubscribeUrl(subscriberId: string): string {
  return absoluteUrl(`/prenumerera/avsluta/${unsubscribeToken(subscriberId)}`);
}

/** The List-Unsubscribe mailto: a reply to it is read by staff in the outbox or the mailbox. */
export function unsubscribeMailto(subscriberId: string): string {
  return `mailto:avsluta@${mailHost()}?subject=${encodeURIComponent(`Avsluta ${unsubscribeToken(subscriberId)}`)}`;
}

/** The headers every newsletter or blog message carries (RFC 2369 and RFC 8058). */
export function listUnsubscribeHeaders(subscriberId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subscriberId)}>, <${unsubscribeMailto(subscriberId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** A new confirmation token and what is stored of it. */
export function newConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
