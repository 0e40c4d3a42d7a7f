import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileUrlReason, MAX_SEGMENT_LENGTH, refuseHostileUrl } from "./hostile-url.mjs";

describe("hostileUrlReason", () => {
  it("lets every address we make through", () => {
    for (const url of [
      "/",
      "/amne/samh%C3%A4llsbyggnad",
      "/amne/Skola",
      "/blogg/kommunchefen/tankar-infor-budgetarbetet",
      "/nyhetsbrev/2026/3/ny-detaljplan-norrbacken",
      "/sok?q=v%C3%A4g+och+gata&sida=2",
      "/sok?q=100%25",
      "/prenumerera/avsluta/0b6f9a0e-7a55-4c1e-9a3c-2f1d7e1c9b11.AbCdEf_-12345678901234567890123/val",
      "/_next/static/chunks/app-3f2a1b.js",
      `/amne/${"a".repeat(MAX_SEGMENT_LENGTH)}`,
      "/sok?q=tabb%09tecken",
      "http://kommun.example/amne/skola",
      undefined,
    ]) {
      expect(hostileUrlReason(url), String(url)).toBeNull();
    }
  });

  it("refuses a NUL byte or another control character in the path", () => {
    for (const url of ["/amne/%00", "/amne/skola%00", "/blogg/%0A", "/skribent/a%1Fb", "/nyhetsbrev/2026/3/%7F", "/amne/%C2%85"]) {
      expect(hostileUrlReason(url), url).toBe("control-character");
    }
  });

  it("refuses a NUL byte in the query", () => {
    expect(hostileUrlReason("/sok?q=%00")).toBe("control-character");
    expect(hostileUrlReason("/sok?q=a&sida=1%00")).toBe("control-character");
  });

  it("refuses percent sequences that are not UTF-8, in the path or the query", () => {
    for (const url of ["/blogg/%FF", "/amne/%C3", "/amne/%C0%AE", "/amne/%ED%A0%80", "/amne/%zz", "/amne/100%", "/sok?q=%E5", "http://kommun.example/blogg/%FF"]) {
      expect(hostileUrlReason(url), url).toBe("bad-encoding");
    }
  });

  it("refuses a segment past the limit, wherever it is", () => {
    expect(hostileUrlReason(`/amne/${"a".repeat(MAX_SEGMENT_LENGTH + 1)}`)).toBe("long-segment");
    expect(hostileUrlReason(`/${"x".repeat(10_000)}/feed.xml`)).toBe("long-segment");
    expect(hostileUrlReason(`/blogg/${"%41".repeat(400)}`)).toBe("long-segment");
  });
});

describe("refuseHostileUrl", () => {
  let server: http.Server;
  let base: string;
  const passed: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (refuseHostileUrl(req, res)) return;
      passed.push(req.url ?? "");
      res.end("sidan");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("answers a hostile address with a small Swedish 404 page, never cached, and never passes it on", async () => {
    const response = await fetch(`${base}/amne/%00`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<h1>Sidan finns inte</h1>");
    expect(html).toContain('<a href="/">startsidan</a>');
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(html));
    expect((await fetch(`${base}/blogg/%FF`)).status).toBe(404);
    expect((await fetch(`${base}/amne/${"a".repeat(10_000)}`, { method: "HEAD" })).status).toBe(404);
    expect(passed).toEqual([]);
  });

  it("leaves other requests to the server behind it", async () => {
    const response = await fetch(`${base}/amne/samh%C3%A4llsbyggnad`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("sidan");
    expect(passed).toEqual(["/amne/samh%C3%A4llsbyggnad"]);
  });

  it("refuses a hostile address whatever the method, even with a body on the way", async () => {
    const response = await fetch(`${base}/prenumerera/skicka%00`, { method: "POST", body: "email=a%40b.se", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(response.status).toBe(404);
    expect(passed).toEqual(["/amne/samh%C3%A4llsbyggnad"]);
  });
});
