import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { MULTIPART_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
import { importSubscribers, MAX_IMPORT_BYTES, NOT_CSV_MESSAGE, TOO_LARGE_MESSAGE } from "@/lib/subscriptions/import-subscribers";
import { requireSubscriberManager } from "../access";

const importSchema = z.object({
  file: z.instanceof(Blob, { message: "Välj en CSV-fil att importera." }),
  publicationIds: z.array(z.uuid()).min(1, "Välj minst ett nyhetsbrev eller en blogg.").max(50),
});

const PAGE = "/redaktion/prenumeranter";

/**
 * A route handler rather than a server action: the file may be a full megabyte, past a server
 * action's default body limit. The outcome is shown on the page as counts.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, MULTIPART_BODY);
  if (refused) return jsonRefusal(refused);
  const result = await toResult(async () => {
    const actor = await requireSubscriberManager();
    // The file plus the form's few fields and framing.
    const read = await readFormCapped(request, MAX_IMPORT_BYTES + 16 * 1024, { tooLarge: TOO_LARGE_MESSAGE, unreadable: NOT_CSV_MESSAGE });
    if (!read.ok) return { error: read.refusal.message };
    const form = read.value;
    const parsed = importSchema.safeParse({ file: form.get("file") ?? undefined, publicationIds: form.getAll("publikation") });
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? NOT_CSV_MESSAGE };
    if (parsed.data.file.size > MAX_IMPORT_BYTES) return { error: TOO_LARGE_MESSAGE };
    const bytes = new Uint8Array(await parsed.data.file.arrayBuffer());
    return { counts: await importSubscribers(await getDb(), actor, { bytes, publicationIds: parsed.data.publicationIds }) };
  });
  if (!result.ok) {
    if (result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN") return Response.json({ message: result.message }, { status: result.code === "FORBIDDEN" ? 403 : 401 });
    return seeOther(`${PAGE}?importfel=${encodeURIComponent(result.message)}#import`);
  }
  if ("error" in result.data) return seeOther(`${PAGE}?importfel=${encodeURIComponent(result.data.error ?? NOT_CSV_MESSAGE)}#import`);
  return seeOther(`${PAGE}?${new URLSearchParams(Object.entries(result.data.counts).map(([k, v]) => [`import_${k}`, String(v)]))}#import`);
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
