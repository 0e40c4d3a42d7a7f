import { env } from "@/lib/env";
import type { Refusal } from "./refusal";

export const CROSS_SITE_MESSAGE = "Begäran kom från en annan webbplats och avvisades.";

/** A typed address or bookmark is "none"; our own pages' forms and fetches are "same-origin". */
const OWN_FETCH_SITES = new Set(["same-origin", "none"]);

/**
 * Whether a data-changing request comes from another site, judged by the headers browsers set and
 * pages cannot forge: Origin (compared with PUBLIC_URL's) and Sec-Fetch-Site. A request with
 * neither is not from a browser (a mail provider's RFC 8058 one-click POST, our scheduler's signed
 * revalidation) and passes: those carry their own proof, a token or a signature.
 *
 * `Origin: null` (a sandboxed frame, or a page with Referrer-Policy no-referrer) names no site; it
 * passes only when Sec-Fetch-Site vouches for it.
 */
export function crossSiteRefusal(headers: Headers, publicUrl: string = env().PUBLIC_URL): Refusal | null {
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  if (site !== null && !OWN_FETCH_SITES.has(site.trim().toLowerCase())) return refusal;
  if (origin === null) return null;
  if (origin.trim() === "null") return site === null ? refusal : null;
  return originOf(origin) === originOf(publicUrl) ? null : refusal;
}

const refusal: Refusal = { status: 403, message: CROSS_SITE_MESSAGE };

function originOf(url: string): string | null {
  try {
    const origin = new URL(url.trim()).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}
