import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { can, type Actor, type Permission } from "@/lib/permissions";

/**
 * A staff page the user's role may not open. It answers 403 with the Swedish page in
 * app/redaktion/forbidden.tsx (app/forbidden.tsx elsewhere), so the person learns that it is a matter
 * of permission rather than a broken link, and never sees an error page. Relies on
 * experimental.authInterrupts in next.config.ts.
 */
export function refuse(): never {
  forbidden();
}

/** For a page that needs one permission: call it before loading anything. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) refuse();
}

/**
 * A page's read through a service that checks permissions itself: its FORBIDDEN becomes the 403 page
 * and its NOT_FOUND the 404 page, instead of the error boundary. Anything else is a real failure.
 */
export async function loadForPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "FORBIDDEN") refuse();
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
