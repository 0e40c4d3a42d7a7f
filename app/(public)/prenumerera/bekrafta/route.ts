import { z } from "zod";
import { getDb } from "@/db/client";
import { confirmSubscription } from "@/lib/subscriptions/confirm-subscription";

const formSchema = z.object({ token: z.string().max(200) });

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });

/**
 * The button on /prenumerera/bekrafta/<token>. A failure goes back to that page, which explains it
 * (used, expired or unknown) and offers the way to ask again.
 */
export async function POST(request: Request): Promise<Response> {
  let token = "";
  try {
    const parsed = formSchema.safeParse({ token: (await request.formData()).get("token") });
    if (!parsed.success) return seeOther("/prenumerera/bekrafta/ogiltig");
    token = parsed.data.token;
    const result = await confirmSubscription(await getDb(), token);
    return seeOther(result.ok ? "/prenumerera/bekraftad" : `/prenumerera/bekrafta/${encodeURIComponent(token)}`);
  } catch (error) {
    console.error(error);
    return seeOther(token ? `/prenumerera/bekrafta/${encodeURIComponent(token)}` : "/prenumerera/bekrafta/ogiltig");
  }
}
