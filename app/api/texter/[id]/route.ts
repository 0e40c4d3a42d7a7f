import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/errors";
import { saveText } from "@/lib/editorial/save-text";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { JSON_BODY } from "@/lib/http/content-type";
import { readJsonCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";

/** The validator caps documents at 1 MB; the rest of a save is small, and JSON escapes add some. */
const MAX_BODY_BYTES = 2_000_000;

/**
 * Autosave. A route handler rather than a server action so that the editor can also save with
 * `fetch(…, { keepalive: true })` while the page is being closed. The session is checked before
 * the body is read: a stranger's body is never read at all.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = foreignRequestRefusal(request, JSON_BODY);
  if (refused) return jsonRefusal(refused);
  const { id } = await params;
  const result = await toResult(async () => {
    const actor = await requireActor();
    const body = await readJsonCapped(request, MAX_BODY_BYTES, { tooLarge: "Texten är för stor för att sparas.", unreadable: "Texten kunde inte läsas." });
    if (!body.ok) return jsonRefusal(body.refusal);
    const fields = parseInput(z.looseObject({}), body.value, { message: "Texten kunde inte läsas." });
    const saved = await saveText(await getDb(), actor, { ...fields, id } as never);
    return Response.json(saved, { status: saved.status === "conflict" ? 409 : 200 });
  });
  return result.ok ? result.data : errorResponse(result);
}
