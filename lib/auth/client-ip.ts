/**
 * The client's address as the reverse proxy in front reports it (the README says the app runs behind
 * one that sets these headers): the per-client limits of log-in and subscribing key on it.
 */
export function clientIp(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || null;
}
