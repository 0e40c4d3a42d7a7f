// Every service that validates input throws AppError, so loading this first makes zod speak Swedish
// before any schema is parsed on the server.
import "@/lib/validation/zod-sv";

/** The closed set of failures an action can report to the user. */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "INVALID_TRANSITION"
  | "CONFLICT"
  | "INTERNAL";

/** An expected failure, with a Swedish message fit to show the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export const GENERIC_ERROR_MESSAGE = "Något gick fel. Försök igen om en stund.";
