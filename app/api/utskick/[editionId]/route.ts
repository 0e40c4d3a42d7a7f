import { z } from "zod";
import { getDb } from "@/db/client";
import { sendingStatus } from "@/db/queries/sending";
import { getUser } from "@/lib/auth/session";
import { can } from "@/lib/permissions";

/** The "Utskick" panel polls this while a send runs. Checks the session and the permission itself. */
export async function GET(_request: Request, { params }: { params: Promise<{ editionId: string }> }) {
  const user = await getUser();
  if (!user) return Response.json({ message: "Logga in för att se utskicket." }, { status: 401 });
  if (!can(user, "subscribers.manage")) return Response.json({ message: "Du får inte se utskick." }, { status: 403 });
  const { editionId } = await params;
  const id = z.uuid().safeParse(editionId);
  if (!id.success) return Response.json({ message: "Ogiltigt utskick." }, { status: 400 });
  const status = await sendingStatus(await getDb(), id.data);
  if (!status) return Response.json({ message: "Utskicket finns inte." }, { status: 404 });
  return Response.json(status, { headers: { "Cache-Control": "no-store" } });
}
