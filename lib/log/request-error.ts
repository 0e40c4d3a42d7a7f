import type { Instrumentation } from "next";
import { REQUEST_ID_HEADER } from "./request-id.mjs";
import { log, type LogFields } from "./log.mjs";

type OnRequestError = Instrumentation.onRequestError;
type ErrorRequest = Parameters<OnRequestError>[1];
type ErrorContext = Parameters<OnRequestError>[2];

/**
 * What one request error's log line says. The digest is the id Next gives the error page too
 * (app/error.tsx shows it as "Felkod"), so the code a user quotes finds this line; the request id
 * ties it to the proxy's access log. The path is cleaned by the logger; headers are not logged.
 */
export function requestErrorFields(error: unknown, request: ErrorRequest, context: ErrorContext): LogFields {
  const requestId = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown } | null)?.digest;
  return {
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    path: request.path,
    routerKind: context.routerKind,
    routePath: context.routePath,
    routeType: context.routeType,
    renderSource: context.renderSource,
    digest: typeof digest === "string" ? digest : undefined,
    error,
  };
}

export const logRequestError: OnRequestError = (error, request, context) => {
  log.error("request.error", requestErrorFields(error, request, context));
};
