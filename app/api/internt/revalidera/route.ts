import { z } from "zod";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { JSON_BODY } from "@/lib/http/content-type";
import { readBodyCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
import { REVALIDATION_SIGNATURE_PATTERN, revalidatePublicPaths, validRevalidationSignature } from "@/lib/workflow/revalidate";

const bodySchema = z.object({
  paths: z
    .array(
      z
        .string()
        .regex(/^\/[^\s]*$/)
        .max(300),
    )
    .min(1)
    .max(50),
});

/** Fifty paths of at most 300 characters, and the JSON around them. */
const MAX_BODY_BYTES = 20_000;

const badSignature = () => Response.json({ message: "Ogiltig signatur." }, { status: 403 });

/**
 * Revalidation on behalf of this server's own scheduler (see requestRevalidation). Only a request
 * signed with the server's secret is accepted; it can do no more than refresh public pages.
 * Anyone can reach this route, so nothing is read before the signature header looks right, and
 * then no more than a signed body can be.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, JSON_BODY);
  if (refused) return jsonRefusal(refused);
  const signature = request.headers.get("x-kb-signature");
  if (!signature || !REVALIDATION_SIGNATURE_PATTERN.test(signature)) return badSignature();
  const body = await readBodyCapped(request, MAX_BODY_BYTES);
  if (!body.ok) return jsonRefusal(body.refusal);
  if (!validRevalidationSignature(body.value, signature)) return badSignature();
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body.value));
  } catch {
    return Response.json({ message: "Ogiltig begäran." }, { status: 400 });
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) return Response.json({ message: "Ogiltig begäran." }, { status: 400 });
  revalidatePublicPaths(parsed.data.paths);
  return new Response(null, { status: 204 });
}
