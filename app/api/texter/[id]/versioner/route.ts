import { z } from "zod";
import { getDb } from "@/db/client";
import { getRevisions, listRevisions } from "@/db/queries/editorial";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { diffDocuments, textLines } from "@/lib/content/diff";
import { loadTextForViewer } from "@/lib/editorial/view-text";
import { AppError, parseInput } from "@/lib/errors";

const querySchema = z.object({ fran: z.uuid().optional(), till: z.uuid().optional() });

/** The history panel: the list of versions, or with ?fran=&till= the diff between two of them. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await toResult(async () => {
    const db = await getDb();
    parseInput(z.uuid(), id, { code: "NOT_FOUND", message: "Texten finns inte." });
    await loadTextForViewer(db, await requireActor(), id);
    const { fran, till } = parseInput(querySchema, Object.fromEntries(new URL(request.url).searchParams), { message: "Ogiltiga versioner." });
    if (!fran || !till) {
      const versions = await listRevisions(db, id);
      return { versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
    }
    const pair = await getRevisions(db, id, [fran, till]);
    const before = pair.find((r) => r.id === fran);
    const after = pair.find((r) => r.id === till);
    if (!before || !after) throw new AppError("NOT_FOUND", "Versionen finns inte.");
    return { diff: diffDocuments(textLines(before), textLines(after)), from: before.number, to: after.number };
  });
  return result.ok ? Response.json(result.data) : errorResponse(result);
}
