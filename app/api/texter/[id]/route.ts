import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { saveText } from "@/lib/editorial/save-text";

/**
 * Autosave. A route handler rather than a server action so that the editor can also save with
 * `fetch(…, { keepalive: true })` while the page is being closed.
 */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // The validator caps documents at 1 MB; refuse far larger bodies before reading them.
  if (Number(request.headers.get("content-length") ?? 0) > 2_000_000) {
    return Response.json({ message: "Texten är för stor för att sparas." }, { status: 413 });
  }
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
  } catch {
    return Response.json({ message: "Texten kunde inte läsas." }, { status: 400 });
  }
  const result = await toResult(async () => saveText(await getDb(), await requireActor(), { ...body, id } as never));
  if (!result.ok) return errorResponse(result);
  return Response.json(result.data, { status: result.data.status === "conflict" ? 409 : 200 });
}
