import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
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

export async function POST(request: Request, { params }: Context) {
  const { id } = await params;
  if (Number(request.headers.get("content-length") ?? 0) > 100_000) {
    return Response.json({ message: "Kommentaren är för lång." }, { status: 413 });
  }
  const result = await toResult(async () => {
    const actor = await requireActor();
    if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND", "Texten finns inte.");
    const parsed = postSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "Kommentaren kunde inte läsas.");
    const { body, parentId, anchor } = parsed.data;
    return { comment: await addComment(await getDb(), actor, { itemId: id, body, parentId, anchor } as AddCommentInput) };
  });
  return result.ok ? Response.json(result.data, { status: 201 }) : errorResponse(result);
}
