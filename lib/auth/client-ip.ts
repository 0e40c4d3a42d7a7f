import { stampedClientAddress } from "@/lib/server/client-address.mjs";

/**
 * The client's address as the custom server (scripts/start.mjs) decided it from the socket and
 * TRUSTED_PROXIES (lib/server/client-address.mjs): the per-client limits of log-in and subscribing
 * key on it. Never X-Forwarded-For itself, whose leftmost entries the client writes. Null when no
 * server stamped the request (`next dev`): those limits then count per account and address only.
 */
export function clientIp(request: Request): string | null {
  return stampedClientAddress(request.headers);
}
