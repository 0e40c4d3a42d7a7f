import { revalidatePath } from "next/cache";

/**
 * Tells Next that these public pages changed. Inside a server action or route handler this is
 * immediate. The scheduler runs outside any request, where Next has no cache context to revalidate
 * in; today's reader pages render per request, so they show the change anyway.
 */
export function revalidatePublicPaths(paths: readonly string[]): void {
  for (const path of paths) {
    try {
      revalidatePath(path);
    } catch {
      // Outside a request (the scheduler): nothing cached to invalidate, see above.
    }
  }
}
