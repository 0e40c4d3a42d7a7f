import { createHmac, timingSafeEqual } from "node:crypto";
import { revalidatePath } from "next/cache";
import { authSecret, listeningPort } from "@/lib/env";

/**
 * Tells Next that these public pages changed. For server actions and route handlers. A publication
 * also touches pages no list can name (its tags' and authors' pages, search, every page's "latest"
 * lists), and publishing is rare, so the whole reader site is marked stale: each page is rendered
 * again on its next request. The named paths are revalidated too, for a cache that tracks paths.
 */
export function revalidatePublicPaths(paths: readonly string[]): void {
  if (paths.length === 0) return;
  revalidatePath("/", "layout");
  for (const path of paths) revalidatePath(path);
}

/** The body as sent, or as received (bytes, so that the route checks what came over the wire). */
export function revalidationSignature(body: string | Uint8Array): string {
  return createHmac("sha256", `revalidate:${authSecret()}`).update(body).digest("base64url");
}

/** A SHA-256 HMAC in base64url: what the route checks for before it reads a byte of the body. */
export const REVALIDATION_SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function validRevalidationSignature(body: string | Uint8Array, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(revalidationSignature(body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The scheduler runs outside any request, where Next drops revalidatePath() silently; so it asks
 * its own server, through a signed internal route, to revalidate in a request of its own. A failure
 * is logged, not thrown: the publication itself has happened and must not be retried because of it.
 */
export async function requestRevalidation(paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const body = JSON.stringify({ paths });
  try {
    const response = await fetch(`http://127.0.0.1:${listeningPort()}/api/internt/revalidera`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-kb-signature": revalidationSignature(body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) console.warn(`Sidorna kunde inte förnyas efter en schemalagd publicering (HTTP ${response.status}).`);
  } catch (error) {
    console.warn("Sidorna kunde inte förnyas efter en schemalagd publicering:", error instanceof Error ? error.message : error);
  }
}
