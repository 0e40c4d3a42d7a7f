import { z } from "zod";
import { getDb } from "@/db/client";
import { listFollowed } from "@/db/queries/subscribers";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { FORM_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { textRefusal } from "@/lib/http/refusal";
import { readUnsubscribeToken } from "@/lib/subscriptions/tokens";
import { unsubscribe } from "@/lib/subscriptions/unsubscribe";

type Context = { params: Promise<{ token: string }> };

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
const text = (status: number, body: string) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

const formSchema = z.object({
  oneClick: z.literal("One-Click").optional(),
  /** The page's checkboxes: the publications to leave (all checked by default). */
  leave: z.array(z.uuid()).max(50),
  fromPage: z.literal("1").optional(),
});

/** The page's form: fifty publication ids at most; a one-click body is a few dozen bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The address in every message's List-Unsubscribe header and its footer link. One URL, two uses: a
 * mail provider's RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`, no cookies, no page)
 * and the reader's GET. A page.tsx cannot answer a POST without Next's action header, and a route and
 * a page cannot share a segment, so this route takes the POSTs (one-click and the page's own form)
 * and sends a GET on to the page at ./val.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { token } = await params;
  return seeOther(`/prenumerera/avsluta/${encodeURIComponent(token)}/val`);
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  // RFC 8058: the one-click body is URL-encoded or multipart; the page's form is URL-encoded.
  const refused = foreignRequestRefusal(request, FORM_BODY);
  if (refused) return textRefusal(refused);
  const read = await readFormCapped(request, MAX_BODY_BYTES);
  if (!read.ok) return textRefusal(read.refusal);
  const form = read.value;
  const { token } = await params;
  const subscriberId = readUnsubscribeToken(token);
  const page = `/prenumerera/avsluta/${encodeURIComponent(token)}/val`;
  const parsed = formSchema.safeParse({
    oneClick: form.get("List-Unsubscribe") ?? undefined,
    leave: form.getAll("avsluta").filter((value) => typeof value === "string"),
    fromPage: form.get("formular") ?? undefined,
  });
  if (!parsed.success || (!parsed.data.oneClick && !parsed.data.fromPage)) {
    return text(400, "Begäran saknar List-Unsubscribe=One-Click.");
  }
  if (!subscriberId) return parsed.data.oneClick ? text(404, "Länken fungerar inte.") : seeOther(page);

  const db = await getDb();
  if (parsed.data.oneClick) {
    await unsubscribe(db, subscriberId);
    return text(200, "Prenumerationen är avslutad.");
  }
  const followed = await listFollowed(db, subscriberId);
  const keepPublicationIds = followed.map((p) => p.id).filter((id) => !parsed.data.leave.includes(id));
  if (followed.length > 0 && keepPublicationIds.length === followed.length) return seeOther(`${page}?inget=1`);
  const result = await unsubscribe(db, subscriberId, { keepPublicationIds });
  return seeOther(result.left === "all" ? "/prenumerera/avslutad" : `${page}?sparat=1`);
}
