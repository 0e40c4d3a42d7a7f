// Every service that validates input throws AppError, so loading this first makes zod speak Swedish
// before any schema is parsed on the server.
import "@/lib/validation/zod-sv";
import type { z } from "zod";

/** The closed set of failures an action can report to the user. */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "INVALID_TRANSITION" | "CONFLICT" | "INTERNAL";

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

export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export const GENERIC_ERROR_MESSAGE = "Något gick fel. Försök igen om en stund.";

/** Each field's Swedish messages, keyed by the top-level property that failed ("form" for the whole). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

type ParseOptions = {
  /** The summary above the form; left out, the first field's own message says what is wrong. */
  message?: string;
  /** NOT_FOUND where a malformed id can only mean a thing that does not exist. */
  code?: ErrorCode;
};

/**
 * The one way input enters a service, an action or a route handler: the parsed value, or an AppError
 * with each field's Swedish message, which toResult() hands to the form (a bare `schema.parse()`
 * would throw a ZodError that reaches the user as "Något gick fel").
 */
export function parseInput<T extends z.ZodType>(schema: T, raw: unknown, options: ParseOptions = {}): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error);
  const first = parsed.error.issues[0]?.message;
  const code = options.code ?? "INVALID_INPUT";
  throw new AppError(code, options.message ?? first ?? "Kontrollera fälten.", code === "INVALID_INPUT" ? fieldErrors : undefined);
}
