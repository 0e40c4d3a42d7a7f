import { describe, expect, it } from "vitest";
import { logRecord } from "./log.mjs";
import { requestErrorFields } from "./request-error";

describe("requestErrorFields", () => {
  it("gives the request id, the digest a user quotes, the route, and a path without its query", () => {
    const error = Object.assign(new Error('relation "x" does not exist'), { digest: "2417093855" });
    const fields = requestErrorFields(
      error,
      { path: "/prenumerera/skicka?epost=anna@exempelby.se", method: "POST", headers: { "x-request-id": "req-12345678", cookie: "authjs.session-token=secret" } },
      { routerKind: "App Router", routePath: "/prenumerera/skicka", routeType: "route", revalidateReason: undefined },
    );
    const record = logRecord("error", "request.error", fields);
    expect(record).toMatchObject({
      event: "request.error",
      requestId: "req-12345678",
      digest: "2417093855",
      method: "POST",
      path: "/prenumerera/skicka",
      routePath: "/prenumerera/skicka",
      routeType: "route",
      error: { name: "Error", message: 'relation "x" does not exist', digest: "2417093855" },
    });
    expect(JSON.stringify(record)).not.toMatch(/anna@|secret|cookie/);
  });

  it("still logs without a request id or digest", () => {
    const record = logRecord(
      "error",
      "request.error",
      requestErrorFields(
        new Error("x"),
        { path: "/", method: "GET", headers: {} },
        { routerKind: "App Router", routePath: "/", routeType: "render", renderSource: "react-server-components", revalidateReason: undefined },
      ),
    );
    expect(record.requestId).toBeUndefined();
    expect(record.digest).toBeUndefined();
    expect(record.renderSource).toBe("react-server-components");
  });
});
