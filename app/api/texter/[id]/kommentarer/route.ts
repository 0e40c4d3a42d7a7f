import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { parseInput } from "@/lib/errors";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { JSON_BODY } from "@/lib/http/content-type";
import { readJsonCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
import { addComment, listComments, type AddCommentInput } from "@/lib/review/comments";

type Context = { params: Promise<{ id: string }> };

/** The body of a new comment; the service validates the fields themselves (length, anchor, thread). */
const postSchema = z.object({ body: z.unknown(), parentId: z.unknown().optional(), anchor: z.unknown().optional() });

/** Review comments on a text, as threads. Permissions are checked by the service, against the text. */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const result = await toResult(async () => ({ threads: await listComments(await getDb(), await requireActor(), id) }));
  return result.ok ? Response.json(result.data) : errorResponse(result);
}

/** A comment is at most a few thousand characters; this leaves room for its anchor and JSON escapes. */
const MAX_BODY_BYTES = 100_000;

export async function POST(request: Request, { params }: Context) {
  const refused = foreignRequestRefusal(request, JSON_BODY);
  if (refused) return jsonRefusal(refused);
  const { id } = await params;
  const result = await toResult(async () => {
    const actor = await requireActor();
    parseInput(z.uuid(), id, { code: "NOT_FOUND", message: "Texten finns inte." });
    const body = await readJsonCapped(request, MAX_BODY_BYTES, { tooLarge: "Kommentaren är för lång.", unreadable: "Kommentaren kunde inte läsas." });
    if (!body.ok) return jsonRefusal(body.refusal);
    const { body: text, parentId, anchor } = parseInput(postSchema, body.value, { message: "Kommentaren kunde inte läsas." });
    const comment = await addComment(await getDb(), actor, { itemId: id, body: text, parentId, anchor } as AddCommentInput);
    return Response.json({ comment }, { status: 201 });
  });
  return result.ok ? result.data : errorResponse(result);
}
