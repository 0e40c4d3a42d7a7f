import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resolveComment } from "@/lib/review/comments";

const patchSchema = z.object({ resolved: z.boolean("Ange om kommentaren är löst.") });

/** Marks a thread as resolved ({ resolved: true }) or reopens it ({ resolved: false }). */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string; commentId: string }> }) {
  const { id, commentId } = await params;
  const result = await toResult(async () => {
    const actor = await requireActor();
    if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(commentId).success) throw new AppError("NOT_FOUND", "Kommentaren finns inte.");
    const parsed = patchSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) throw new AppError("INVALID_INPUT", "Ange om kommentaren är löst.");
    return resolveComment(await getDb(), actor, { id: commentId, itemId: id, resolved: parsed.data.resolved });
  });
  return result.ok ? Response.json(result.data) : errorResponse(result);
}
