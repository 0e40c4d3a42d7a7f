import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

const UUID = /^[0-9a-f-]{36}$/;

function signature(purpose: string, id: string): string {
  return createHmac("sha256", `${purpose}:${authSecret()}`).update(id).digest("base64url");
}

/**
 * "<id>.<HMAC>": a link token that names a row and cannot be made without AUTH_SECRET, so a leaked
 * database dump cannot be turned into working links. The purpose is part of the key: an approval
 * link's token never works as an unsubscribe token, or the other way round.
 */
export function signId(purpose: string, id: string): string {
  return `${id}.${signature(purpose, id)}`;
}

/** The id a token names, or null when it was not made by signId for this purpose. */
export function readSignedId(purpose: string, token: string): string | null {
  const [id, given, extra] = token.split(".");
  if (!id || !given || extra !== undefined || !UUID.test(id)) return null;
  const expected = Buffer.from(signature(purpose, id));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
