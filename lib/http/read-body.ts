import type { Refusal } from "./refusal";

export const BODY_TOO_LARGE_MESSAGE = "Begäran är för stor.";
export const BODY_UNREADABLE_MESSAGE = "Begäran kunde inte läsas.";

export type BodyRead<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** A route's own wording for the two ways a body can fail, where the defaults are too vague. */
export type BodyMessages = { tooLarge?: string; unreadable?: string };

/**
 * The request body, read with a cap. `request.json()`, `.text()` and `.formData()` read everything
 * the client sends, and a chunked body announces no length: a 150 MB body grew the server by
 * ~400 MB per request. A body announced as too large is refused before a byte is read; one that is
 * not announced is counted while it arrives and the transfer is cancelled at the cap.
 *
 * Call it only after the cheaper checks (who is asking, from where, in what format): reading is
 * the expensive part.
 */
export async function readBodyCapped(request: Request, maxBytes: number, messages: BodyMessages = {}): Promise<BodyRead<Uint8Array<ArrayBuffer>>> {
  const tooLarge = refused(413, messages.tooLarge ?? BODY_TOO_LARGE_MESSAGE);
  const announced = request.headers.get("content-length");
  if (announced !== null && !(Number(announced) <= maxBytes)) return tooLarge;
  if (!request.body) return { ok: true, value: new Uint8Array() };
  if (request.bodyUsed) return refused(400, messages.unreadable ?? BODY_UNREADABLE_MESSAGE);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stops the transfer: the rest of the body is neither read nor kept.
        await reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body, or the stream broke: nothing to answer but a refusal.
    return refused(400, messages.unreadable ?? BODY_UNREADABLE_MESSAGE);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, value: body };
}

/** A capped body parsed as JSON (UTF-8). Bad encoding or bad JSON is a 400 with `unreadable`. */
export async function readJsonCapped(request: Request, maxBytes: number, messages: BodyMessages = {}): Promise<BodyRead<unknown>> {
  const body = await readBodyCapped(request, maxBytes, messages);
  if (!body.ok) return body;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.value)) as unknown };
  } catch {
    return refused(400, messages.unreadable ?? BODY_UNREADABLE_MESSAGE);
  }
}

/**
 * A capped body parsed as a form, URL-encoded or multipart as its Content-Type says. The parse
 * happens on bytes already counted, so a multipart file is never larger than the cap.
 */
export async function readFormCapped(request: Request, maxBytes: number, messages: BodyMessages = {}): Promise<BodyRead<FormData>> {
  const body = await readBodyCapped(request, maxBytes, messages);
  if (!body.ok) return body;
  try {
    const contentType = request.headers.get("content-type") ?? "";
    return { ok: true, value: await new Response(body.value, { headers: { "content-type": contentType } }).formData() };
  } catch {
    return refused(400, messages.unreadable ?? BODY_UNREADABLE_MESSAGE);
  }
}

const refused = (status: Refusal["status"], message: string) => ({ ok: false, refusal: { status, message } }) as const;
