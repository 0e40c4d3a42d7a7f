import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { MULTIPART_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
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

const IMAGE_FORM = { ...MULTIPART_BODY, message: "Bilden ska skickas som ett formulär (multipart/form-data)." };

/** Upload one image: multipart/form-data with `file`, `alt` and optionally `caption` and `credit`. */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, IMAGE_FORM);
  if (refused) return jsonRefusal(refused);
  return handle(async () => {
    const actor = await requireUploader();
    const form = await readFormCapped(request, MAX_BODY_BYTES, { tooLarge: TOO_LARGE_MESSAGE, unreadable: "Formuläret kunde inte läsas. Försök igen." });
    if (!form.ok) return jsonRefusal(form.refusal);
    const { file, ...fields } = parseInput(uploadFormSchema, {
      file: form.value.get("file") ?? undefined,
      alt: textField(form.value, "alt") ?? "",
      caption: textField(form.value, "caption"),
      credit: textField(form.value, "credit"),
    });
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
    const { q, sida } = parseInput(listQuerySchema, { q: params.get("q") ?? undefined, sida: params.get("sida") || undefined });
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
