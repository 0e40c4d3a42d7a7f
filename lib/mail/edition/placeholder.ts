import { escapeHtml } from "@/lib/mail/templates";
import type { RenderedEdition } from "./types";

/**
 * Stands in for each subscriber's own unsubscribe link. An edition is rendered once per issue or
 * post and then sent to every subscriber, so the rendered HTML cannot hold anyone's token; the
 * sender swaps this for the real link with `personalize`. A valid absolute URL (the reserved
 * `.invalid` top-level domain never resolves), so renderers and link checkers accept it as it is.
 */
export const UNSUBSCRIBE_URL_PLACEHOLDER = "https://kommunbladet.invalid/avsluta-prenumeration";

/**
 * One subscriber's copy of a rendered edition: every placeholder replaced by `unsubscribeUrl`, in the
 * HTML as the HTML-escaped form (an `&` in a query string becomes `&amp;`), in the text as it is. A
 * plain string replacement per message: the expensive render happens once per edition.
 */
export function personalize(rendered: RenderedEdition, unsubscribeUrl: string): RenderedEdition {
  const url = new URL(unsubscribeUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("Avregistreringslänken måste vara en http(s)-adress.");
  // A function as replacement: a string would treat "$&" or "$1" in the URL as patterns.
  const html = rendered.html.replaceAll(escapeHtml(UNSUBSCRIBE_URL_PLACEHOLDER), () => escapeHtml(unsubscribeUrl));
  const text = rendered.text.replaceAll(UNSUBSCRIBE_URL_PLACEHOLDER, () => unsubscribeUrl);
  return { ...rendered, html, text };
}
