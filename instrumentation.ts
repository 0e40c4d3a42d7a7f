/**
 * Runs once when the server process starts, before it serves a request: opens the database (which
 * applies pending migrations) and, in demo mode, seeds the made-up municipality.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startUp } = await import("./lib/start-up");
  await startUp();
}
