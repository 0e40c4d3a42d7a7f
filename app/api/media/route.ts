import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { fieldErrorsOf } from "@/lib/editorial/text-input";
import { AppError } from "@/lib/errors";
import { listMedia, toMediaJson } from "@/lib/media/list-media";
import { ImageRejectedError, MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "@/lib/media/process-image";
import { mediaFieldsSchema, uploadMedia } from "@/lib/media/upload-media";
import { can } from "@/lib/permissions";

/** The image plus the text fields and multipart framing. */
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const PAGE_SIZE = 24;

const uploadFormSchema = mediaFieldsSchema.extend({
  file: z.instanceof(Blob, { message: "Välj en bild att ladda upp." }),
});

const listQuerySchema = z.object({
  q: z.string().trim().max(200, "Sökningen får vara högst 200 tecken.").default(""),
  sida: z.coerce.number("Ange sidan som ett nummer.").int().min(1).max(10_000).default(1),
});

const json = (status: number, message: string, fieldErrors?: Record<string, string[]>) =>
  Response.json({ message, ...(fieldErrors ? { fieldErrors } : {}) }, { status });

/** Upload one image: multipart/form-data with `file`, `alt` and optionally `caption` and `credit`. */
export async function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const actor = await requireUploader();
    // Refuse what is announced as too large before reading a byte of it.
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return json(413, TOO_LARGE_MESSAGE);
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
      return json(415, "Bilden ska skickas som ett formulär (multipart/form-data).");
    }
    // A chunked body announces no length: count while reading.
    const body = await readAtMost(request, MAX_BODY_BYTES);
    if (!body) return json(413, TOO_LARGE_MESSAGE);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return json(400, "Formuläret kunde inte läsas. Försök igen.");
    }
    const parsed = uploadFormSchema.safeParse({
      file: form.get("file") ?? undefined,
      alt: textField(form, "alt") ?? "",
      caption: textField(form, "caption"),
      credit: textField(form, "credit"),
    });
    if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "Kontrollera fälten.", fieldErrorsOf(parsed.error));
    const { file, ...fields } = parsed.data;
    if (file.size > MAX_UPLOAD_BYTES) return json(413, TOO_LARGE_MESSAGE);

    const uploaded = await uploadMedia(await getDb(), actor, { bytes: Buffer.from(await file.arrayBuffer()), ...fields });
    return Response.json(uploaded, { status: 201 });
  });
}

/** The media library: `?q=` searches alt text, caption and credit; `?sida=` is the 1-based page. */
export async function GET(request: Request): Promise<Response> {
  return handle(async () => {
    await requireUploader();
    const params = new URL(request.url).searchParams;
    const parsed = listQuerySchema.safeParse({ q: params.get("q") ?? undefined, sida: params.get("sida") || undefined });
    if (!parsed.success) return json(400, parsed.error.issues[0]?.message ?? "Kontrollera sökningen.", fieldErrorsOf(parsed.error));
    const { q, sida } = parsed.data;
    const { items, total } = await listMedia(await getDb(), { query: q, limit: PAGE_SIZE, offset: (sida - 1) * PAGE_SIZE });
    return Response.json({ items: items.map(toMediaJson), total, page: sida, pageSize: PAGE_SIZE, pages: Math.ceil(total / PAGE_SIZE) });
  });
}

/** Picking from the library is part of putting images in texts: the same permission as uploading. */
async function requireUploader() {
  const actor = await requireActor();
  if (!can(actor, "media.upload")) throw new AppError("FORBIDDEN", "Du får inte ladda upp eller välja bilder.");
  return actor;
}

async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImageRejectedError) {
      return json(error.reason === "unsupported" ? 415 : 413, error.message, error.fieldErrors);
    }
    // Other expected failures get their status from the shared table; the rest is logged and generic.
    const result = await toResult<never>(() => Promise.reject(error));
    if (!result.ok) return errorResponse(result);
    throw error;
  }
}

function textField(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" ? value : undefined;
}

async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
