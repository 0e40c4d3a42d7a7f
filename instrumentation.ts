import { logRequestError } from "./lib/log/request-error";

/**
 * Runs once when the server process starts, before it serves a request: opens the database (which
 * applies pending migrations) and, in demo mode, seeds the made-up municipality.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/start-up");
  await startUp();
}

/** Every server error Next catches becomes one JSON log line (lib/log), with the id a user can quote. */
export const onRequestError = logRequestError;
