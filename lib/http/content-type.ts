import type { Refusal } from "./refusal";

/** The body formats a route accepts, and what to tell a client that sent another. */
export type BodyKind = { readonly types: readonly string[]; readonly message: string };

export const JSON_BODY: BodyKind = { types: ["application/json"], message: "Begäran ska skickas som JSON (application/json)." };
export const FORM_BODY: BodyKind = {
  types: ["application/x-www-form-urlencoded", "multipart/form-data"],
  message: "Begäran ska skickas som ett formulär.",
};
export const MULTIPART_BODY: BodyKind = { types: ["multipart/form-data"], message: "Begäran ska skickas som ett formulär med fil (multipart/form-data)." };

/** "Application/JSON; charset=utf-8" → "application/json". */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? "").split(";", 1)[0]!.trim().toLowerCase();
}

/**
 * A 415 unless the body is one of the route's formats. Beyond tidiness: a cross-site page can send
 * text/plain without a CORS preflight, but not application/json.
 */
export function contentTypeRefusal(headers: Headers, kind: BodyKind): Refusal | null {
  return kind.types.includes(mediaTypeOf(headers.get("content-type"))) ? null : { status: 415, message: kind.message };
}
