// The client's address for the per-client limits (log-in, subscribing), decided once per request
// by the custom server (scripts/start.mjs), which is the only place that sees the socket.
//
// X-Forwarded-For is a list every hop appends to, so only its right end is written by machines we
// trust: the leftmost entries are whatever the client sent. With TRUSTED_PROXIES = n, the address
// is the n-th from the right of [...X-Forwarded-For, socket address]; 0 means the socket address
// (nothing in front of the app). Route handlers and server actions read the result from one
// internal header, never from X-Forwarded-For.
import net from "node:net";

/** The header the custom server writes; a value the client sent under this name is always removed. */
export const CLIENT_ADDRESS_HEADER = "x-kb-client-address";

// Set when a server in this process stamps requests. Under `next start` or `next dev` nobody does,
// and a header of this name can only have come from the client.
const STAMPING = Symbol.for("kommunbladet.clientAddressStamping");

/**
 * TRUSTED_PROXIES: how many reverse proxies stand in front of the app, each appending to
 * X-Forwarded-For (default 0: clients connect to the app itself).
 * @param {Record<string, string | undefined>} env
 * @returns {number}
 */
export function trustedProxies(env) {
  const raw = env.TRUSTED_PROXIES?.trim();
  const n = raw ? Number(raw) : 0;
  if (!Number.isInteger(n) || n < 0 || n > 10) throw new Error(`TRUSTED_PROXIES must be a whole number from 0 to 10 (the reverse proxies in front of the app), not "${raw}".`);
  return n;
}

/**
 * One address as the limits key on it: IPv4-mapped IPv6 as plain IPv4, IPv6 lower-case and
 * compressed, a port or brackets some proxies add removed. Null for anything that is not an address.
 * @param {string | undefined | null} raw
 * @returns {string | null}
 */
export function normalizeAddress(raw) {
  let value = raw?.trim().toLowerCase() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (net.isIPv4(value)) return value;
  // A zone ("fe80::1%eth0") names the server's own interface, not part of the client.
  value = value.split("%")[0];
  if (!net.isIPv6(value)) return null;
  // The URL parser writes IPv6 in its canonical form, so one address is one key.
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(canonical) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped) return canonical;
  if (mapped.length === 2) return mapped[1];
  const high = parseInt(mapped[1], 16);
  const low = parseInt(mapped[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/**
 * The client's address: the entry `trustedProxies` places from the right of [...X-Forwarded-For,
 * socket]. With fewer entries than that (a request that came past fewer proxies), the leftmost one,
 * which a trusted hop wrote. An entry that is not an address gives the socket address instead.
 * @param {string | undefined | null} socketAddress
 * @param {string | string[] | undefined | null} forwardedFor
 * @param {number} trustedProxies
 * @returns {string | null}
 */
export function clientAddress(socketAddress, forwardedFor, trustedProxies) {
  const socket = normalizeAddress(socketAddress);
  if (trustedProxies <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = [
    ...header
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress ?? "",
  ];
  const chosen = hops[Math.max(0, hops.length - 1 - trustedProxies)];
  return normalizeAddress(chosen) ?? socket;
}

/**
 * Writes the client's address into CLIENT_ADDRESS_HEADER, replacing whatever the client sent there.
 * @param {{ headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } | null }} req
 * @param {number} trustedProxies
 */
export function stampClientAddress(req, trustedProxies) {
  /** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[STAMPING] = true;
  const address = clientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"], trustedProxies);
  delete req.headers[CLIENT_ADDRESS_HEADER];
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
}

/**
 * The address the custom server stamped on this request; null when no server in this process
 * stamps (then the header, if any, is the client's own invention).
 * @param {{ get(name: string): string | null }} headers
 * @returns {string | null}
 */
export function stampedClientAddress(headers) {
  if (!(/** @type {Record<symbol, boolean>} */ (/** @type {unknown} */ (globalThis))[STAMPING])) return null;
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
}
