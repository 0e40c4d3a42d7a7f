import { contentTypeRefusal, type BodyKind } from "./content-type";
import type { Refusal } from "./refusal";
import { crossSiteRefusal } from "./same-origin";

/**
 * The checks every data-changing route handler makes on its headers alone, before it looks up a
 * session or reads a byte of the body: not from another site, and in the route's own format.
 */
export function foreignRequestRefusal(request: Request, body: BodyKind): Refusal | null {
  return crossSiteRefusal(request.headers) ?? contentTypeRefusal(request.headers, body);
}
