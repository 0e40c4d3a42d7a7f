import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";
import { absoluteUrl } from "@/lib/feeds/urls";
import { mailHost } from "@/lib/mail/deliver";

/**
 * The unsubscribe token of a subscriber: an HMAC of the id, so it needs no column, is the same in
 * every message to that person, and a leaked database dump cannot be turned into working links.
 * (Rotating AUTH_SECRET ends the links in mail already sent; the page then asks for the address.)
 */
export function unsubscribeToken(subscriberId: string): string {
  // The whole 43 characters: besides the strength, the outbox hides links with a run of 40 or more
  // token characters from staff who are not the recipient (lib/mail/outbox.ts hideOneTimeLinks).
  const signature = createHmac("sha256", `unsubscribe:${authSecret()}`).update(subscriberId).digest("base64url");
  return `${subscriberId}.${signature}`;
}

/** The subscriber id a token names, or null when it was not made by unsubscribeToken(). */
export function readUnsubscribeToken(token: string): string | null {
  const [id, signature, extra] = token.split(".");
  if (!id || !signature || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = Buffer.from(unsubscribeToken(id).split(".")[1]!);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
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
