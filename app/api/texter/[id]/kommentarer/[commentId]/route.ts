import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/errors";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { JSON_BODY } from "@/lib/http/content-type";
import { readJsonCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
import { resolveComment } from "@/lib/review/comments";

const patchSchema = z.object({ resolved: z.boolean("Ange om kommentaren är löst.") });

/** `{ "resolved": false }` and room to spare. */
const MAX_BODY_BYTES = 1024;

/** Marks a thread as resolved ({ resolved: true }) or reopens it ({ resolved: false }). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; commentId: string }> }) {
  const refused = foreignRequestRefusal(request, JSON_BODY);
  if (refused) return jsonRefusal(refused);
  const { id, commentId } = await params;
  const result = await toResult(async () => {
    const actor = await requireActor();
    parseInput(z.object({ id: z.uuid(), commentId: z.uuid() }), { id, commentId }, { code: "NOT_FOUND", message: "Kommentaren finns inte." });
    const body = await readJsonCapped(request, MAX_BODY_BYTES, { unreadable: "Ange om kommentaren är löst." });
    if (!body.ok) return jsonRefusal(body.refusal);
    const { resolved } = parseInput(patchSchema, body.value, { message: "Ange om kommentaren är löst." });
    return Response.json(await resolveComment(await getDb(), actor, { id: commentId, itemId: id, resolved }));
  });
  return result.ok ? result.data : errorResponse(result);
}
