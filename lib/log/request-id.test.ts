import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMicroCache } from "../server/micro-cache.mjs";
import { REQUEST_ID_HEADER, requestIdFrom, stampRequestId } from "./request-id.mjs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it("keeps a sane id from the proxy in front", () => {
    expect(requestIdFrom("7f3c9a1e2b4d4c6e8a0b1c2d3e4f5a6b")).toBe("7f3c9a1e2b4d4c6e8a0b1c2d3e4f5a6b");
    expect(requestIdFrom(["lb-0123456789abcdef", "second"])).toBe("lb-0123456789abcdef");
  });

  it("makes a fresh one for a missing, short, long or unsafe id", () => {
    for (const given of [undefined, null, "", "short", "x".repeat(129), "abc def ghi", 'id"}\n{"level":"info', "åäö-åäö-åäö"]) {
      expect(requestIdFrom(given)).toMatch(UUID);
    }
  });
});

describe("stampRequestId", () => {
  it("sets the id on the request's headers and on the response", () => {
    const req = { headers: {} as Record<string, string | string[] | undefined> };
    const sent: Record<string, string> = {};
    const id = stampRequestId(req, { setHeader: (name: string, value: string) => (sent[name] = value) });
    expect(id).toMatch(UUID);
    expect(req.headers[REQUEST_ID_HEADER]).toBe(id);
    expect(sent).toEqual({ [REQUEST_ID_HEADER]: id });
  });

  it("passes on the proxy's id", () => {
    const req = { headers: { [REQUEST_ID_HEADER]: "nginx-0123456789abcdef" } as Record<string, string | string[] | undefined> };
    expect(stampRequestId(req, { setHeader: () => undefined })).toBe("nginx-0123456789abcdef");
  });
});

describe("request ids with the micro-cache in front", () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("a page sent again from the micro-cache carries its own request's id, not the first one's", async () => {
    const cache = createMicroCache({ ttlMs: 60_000 });
    const seen: string[] = [];
    server = http.createServer((req, res) => {
      stampRequestId(req, res);
      if (cache.handle(req, res)) return;
      seen.push(String(req.headers[REQUEST_ID_HEADER]));
      res.writeHead(200, { "x-nextjs-cache": "HIT", "cache-control": "s-maxage=60", "content-type": "text/html" });
      res.end("<p>sida</p>");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/nyhetsbrev`;
    const first = await fetch(url, { headers: { [REQUEST_ID_HEADER]: "first-request-0001" } });
    await first.text();
    const second = await fetch(url, { headers: { [REQUEST_ID_HEADER]: "second-request-0002" } });
    await second.text();
    const third = await fetch(url);
    await third.text();
    cache.close();
    expect(seen).toEqual(["first-request-0001"]);
    expect(first.headers.get(REQUEST_ID_HEADER)).toBe("first-request-0001");
    expect(second.headers.get("x-micro-cache")).toBe("HIT");
    expect(second.headers.get(REQUEST_ID_HEADER)).toBe("second-request-0002");
    expect(third.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
  });
});
