import { z } from "zod";
import { getDb } from "@/db/client";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { FORM_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { textRefusal } from "@/lib/http/refusal";
import { confirmSubscription } from "@/lib/subscriptions/confirm-subscription";

const formSchema = z.object({ token: z.string().max(200) });

/** One hidden field with a token of at most 200 characters. */
const MAX_BODY_BYTES = 4096;

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

/**
 * The button on /prenumerera/bekrafta/<token>. A failure goes back to that page, which explains it
 * (used, expired or unknown) and offers the way to ask again.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, FORM_BODY);
  if (refused) return textRefusal(refused);
  const form = await readFormCapped(request, MAX_BODY_BYTES);
  if (!form.ok) return seeOther("/prenumerera/bekrafta/ogiltig");
  let token = "";
  try {
    const parsed = formSchema.safeParse({ token: form.value.get("token") });
    if (!parsed.success) return seeOther("/prenumerera/bekrafta/ogiltig");
    token = parsed.data.token;
    const result = await confirmSubscription(await getDb(), token);
    return seeOther(result.ok ? "/prenumerera/bekraftad" : `/prenumerera/bekrafta/${encodeURIComponent(token)}`);
  } catch (error) {
    console.error(error);
    return seeOther(token ? `/prenumerera/bekrafta/${encodeURIComponent(token)}` : "/prenumerera/bekrafta/ogiltig");
  }
}
