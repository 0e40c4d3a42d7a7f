import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import type { SubscribeErrorCode } from "@/lib/subscriptions/messages";
import { requestSubscription } from "@/lib/subscriptions/request-subscription";
import { clientIp } from "@/lib/auth/client-ip";
import { foreignRequestRefusal } from "@/lib/http/check-request";
import { FORM_BODY } from "@/lib/http/content-type";
import { readFormCapped } from "@/lib/http/read-body";
import { textRefusal } from "@/lib/http/refusal";
import { displayEmail } from "@/lib/subscriptions/email";
import { readSubscribeForm, TYPED_EMAIL_COOKIE } from "@/lib/subscriptions/subscribe-input";

/** A form is a few hundred bytes; this leaves room for a pasted 10 kB address to be refused politely. */
const MAX_BODY_BYTES = 64 * 1024;

const seeOther = (location: string, headers: HeadersInit = {}) => new Response(null, { status: 303, headers: { Location: location, ...headers } });

/**
 * Every subscribe form posts here (plain HTML forms, so they work without JavaScript). Success, for
 * any address, is the same thank-you page; an error goes back to /prenumerera with its code, the
 * chosen publications, and the typed address in a short-lived cookie.
 */
export async function POST(request: Request): Promise<Response> {
  const refused = foreignRequestRefusal(request, FORM_BODY);
  if (refused) return textRefusal(refused);
  const form = await readFormCapped(request, MAX_BODY_BYTES);
  if (!form.ok) return back(form.refusal.status === 413 ? "too_long" : "internal", "", []);
  const input = readSubscribeForm(form.value);
  if (!input.ok) return back(input.code, input.email, []);
  const { email, standard, publicationIds } = input.data;
  try {
    const db = await getDb();
    const asked = standard && publicationIds.length === 0 ? "newsletter" : publicationIds;
    const result = await requestSubscription(db, { email, publicationIds: asked, method: "form", ip: clientIp(request) });
    if (result.ok) return seeOther("/prenumerera/tack");
    return back(result.code, email, publicationIds);
  } catch (error) {
    console.error(error);
    return back("internal", email, publicationIds);
  }
}

function back(code: SubscribeErrorCode, email: string, publicationIds: readonly string[]): Response {
  const query = new URLSearchParams({ fel: code });
  for (const id of publicationIds) query.append("publikation", id);
  // Only what fits a cookie is kept: an address past the cap is refused anyway, and its start shows what went wrong.
  // Secure whenever the site is served over HTTPS: the cookie holds what the person typed.
  const secure = env().PUBLIC_URL.startsWith("https:") ? "; Secure" : "";
  const cookie = `${TYPED_EMAIL_COOKIE}=${encodeURIComponent(displayEmail(email.slice(0, 300)))}; Path=/prenumerera; Max-Age=300; HttpOnly; SameSite=Lax${secure}`;
  return seeOther(`/prenumerera?${query}#prenumerera-fel`, { "Set-Cookie": cookie });
}
