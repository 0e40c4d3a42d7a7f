import { z } from "zod";
import { revalidatePublicPaths, validRevalidationSignature } from "@/lib/workflow/revalidate";

const bodySchema = z.object({ paths: z.array(z.string().regex(/^\/[^\s]*$/).max(300)).min(1).max(50) });

/**
 * Revalidation on behalf of this server's own scheduler (see requestRevalidation). Only a request
 * signed with the server's secret is accepted; it can do no more than refresh public pages.
 */
export async function POST(request: Request): Promise<Response> {
  const raw = await request.text();
  if (raw.length > 20_000 || !validRevalidationSignature(raw, request.headers.get("x-kb-signature"))) {
    return Response.json({ message: "Ogiltig signatur." }, { status: 403 });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return Response.json({ message: "Ogiltig begäran." }, { status: 400 });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return Response.json({ message: "Ogiltig begäran." }, { status: 400 });
  revalidatePublicPaths(parsed.data.paths);
  return new Response(null, { status: 204 });
}
