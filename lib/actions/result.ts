import { AppError, GENERIC_ERROR_MESSAGE, type ActionResult, type ErrorCode } from "@/lib/errors";

/**
 * Runs a service call for an action or route: expected failures become a result with their Swedish
 * message; anything else is logged and reduced to a generic message (never a stack trace to a user).
 */
export async function toResult<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
    }
    // Two transactions that lock the same rows in opposite order (an issue being published while one
    // of its articles is saved): the database aborts one. Nothing was half-done; the user may retry.
    if (isDeadlock(error)) {
      return { ok: false, code: "CONFLICT", message: "Någon annan ändrade samtidigt. Försök igen." };
    }
    // Next's redirect() and notFound() travel as errors and must pass through.
    if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) {
      throw error;
    }
    console.error(error);
    return { ok: false, code: "INTERNAL", message: GENERIC_ERROR_MESSAGE };
  }
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  INTERNAL: 500,
};

/** A failed result as a JSON response for route handlers. */
export function errorResponse(result: Extract<ActionResult<unknown>, { ok: false }>): Response {
  return Response.json({ message: result.message, code: result.code, fieldErrors: result.fieldErrors }, { status: HTTP_STATUS[result.code] });
}

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "40P01") return true;
  }
  return false;
}
