// Every request gets an id that ties its log lines together and that a user can quote. A proxy or
// load balancer in front often makes one already (nginx's $request_id, X-Request-Id); then that one
// is kept, so its access log and ours name the request alike.

export const REQUEST_ID_HEADER = "x-request-id";

// Only ids that cannot forge or break a log line; anything else is replaced, not trusted.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming id when it is sane, otherwise a fresh UUID. */
export function requestIdFrom(value) {
  const given = Array.isArray(value) ? value[0] : value;
  return typeof given === "string" && SANE_ID.test(given) ? given : globalThis.crypto.randomUUID();
}

/**
 * Gives the request its id, for the app to read (instrumentation's onRequestError sees the request's
 * headers), and sends it back in the response's x-request-id.
 * @param {{ headers: Record<string, string | string[] | undefined> }} req
 * @param {{ setHeader(name: string, value: string): unknown }} res
 */
export function stampRequestId(req, res) {
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}
