import { z } from "zod";
import { getDb } from "@/db/client";
import { errorResponse, toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { crossSiteRefusal } from "@/lib/http/same-origin";
import { MULTIPART_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { jsonRefusal } from "@/lib/http/refusal";
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "@/lib/media/process-image";
import { can } from "@/lib/permissions";
import { removeLogo, replaceLogo } from "@/lib/site/identity";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";

const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const LOGO_FORM = { ...MULTIPART_BODY, message: "Logotypen ska skickas som ett formulär (multipart/form-data)." };
const logoSchema = z.object({ logo: z.instanceof(Blob, { message: "Välj en bildfil med logotypen." }) });

/** A new logo for the site (admins): multipart/form-data with `logo`. */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, LOGO_FORM);
  if (refused) return jsonRefusal(refused);
  const result = await toResult(async () => {
    // The session is checked before a byte of the body is read.
    const actor = await requireAdmin();
    const form = await readFormCapped(request, MAX_BODY_BYTES, { tooLarge: TOO_LARGE_MESSAGE, unreadable: "Formuläret kunde inte läsas. Försök igen." });
    if (!form.ok) return { refusal: form.refusal };
    const { logo } = parseInput(logoSchema, { logo: form.value.get("logo") ?? undefined }, { message: "Välj en bildfil med logotypen." });
    const stored = await replaceLogo(await getDb(), actor, Buffer.from(await logo.arrayBuffer()));
    revalidatePublicPaths(["/"]);
    return { id: stored.id };
  });
  if (!result.ok) return errorResponse(result);
  if ("refusal" in result.data && result.data.refusal) return jsonRefusal(result.data.refusal);
  return Response.json(result.data, { status: 201 });
}

/** The site goes back to its name alone. */
export async function DELETE(request: Request): Promise<Response> {
  const refused = crossSiteRefusal(request.headers);
  if (refused) return jsonRefusal(refused);
  const result = await toResult(async () => {
    await removeLogo(await getDb(), await requireAdmin());
    revalidatePublicPaths(["/"]);
    return { removed: true };
  });
  return result.ok ? Response.json(result.data) : errorResponse(result);
}

async function requireAdmin() {
  const actor = await requireActor();
  if (!can(actor, "settings.manage")) throw new AppError("FORBIDDEN", "Bara administratörer får byta logotyp.");
  return actor;
}
