import fs from "node:fs";
import http from "node:http";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStatePath, type DemoRole } from "./demo-users";

// What an attacker or a broken client can send without logging in: addresses no page of ours has,
// and bodies far larger than any route takes. Every answer is a 4xx, never a 500, and the server
// keeps answering.

const TEN_KB = "a".repeat(10 * 1024);

/** Each public route family, with a NUL byte, a non-UTF-8 byte and a 10 kB segment where its slugs go. */
const HOSTILE_URLS = [
  "/%00",
  "/amne/%00",
  "/amne/skola%00",
  "/amne/%FF",
  "/amne/%C3",
  `/amne/${TEN_KB}`,
  "/blogg/%00",
  "/blogg/%FF",
  `/blogg/${TEN_KB}`,
  "/blogg/kommunchefen/%00",
  "/blogg/kommunchefen/%FF",
  `/blogg/kommunchefen/${TEN_KB}`,
  "/blogg/%00/feed.xml",
  "/blogg/%FF/feed.xml",
  "/skribent/%00",
  "/skribent/%FF",
  `/skribent/${TEN_KB}`,
  "/nyhetsbrev/%00",
  "/nyhetsbrev/2026/%00",
  "/nyhetsbrev/2026/1/%00",
  "/nyhetsbrev/2026/1/%FF",
  `/nyhetsbrev/2026/1/${TEN_KB}`,
  "/kalender/%00",
  "/sok?q=%00",
  "/sok?q=%FF",
  "/prenumerera/bekrafta/%00",
  "/prenumerera/bekrafta/%FF",
  `/prenumerera/bekrafta/${TEN_KB}`,
  "/prenumerera/avsluta/%00/val",
  "/prenumerera/avsluta/%FF",
  "/media/%00/480.webp",
  "/redaktion/%00",
];

/**
 * Addresses that pass the front door (they decode, hold no control character) and reach the pages
 * themselves: those must turn them away without a failing query.
 */
const ODD_BUT_DECODABLE = [
  "/amne/%2500",
  `/amne/${"b".repeat(900)}`,
  "/blogg/%2500",
  "/blogg/kommunchefen/Stora-Bokstaver",
  "/blogg/kommunchefen/%2500",
  "/nyhetsbrev/2026/1/%2500",
  "/skribent/%2500",
];

test.describe("Hostile URLs and bodies: NUL bytes, bad encodings, 10 kB segments, chunked bodies past each limit", () => {
  test("every hostile address on every public route family is a 404 Swedish page, never a 500", async ({ request }) => {
    for (const url of HOSTILE_URLS) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect([404, 414], url.slice(0, 80)).toContain(response.status());
      if (response.status() === 404) {
        expect(response.headers()["cache-control"], url.slice(0, 80)).toBe("no-store");
        expect(await response.text()).toContain("Sidan finns inte");
      }
    }
    expect((await request.post("/amne/%00", { form: { a: "b" }, maxRedirects: 0 })).status()).toBe(404);
    expect((await request.head("/blogg/%FF")).status()).toBe(404);
  });

  test("odd addresses that do decode reach the pages and are a 404 there, without a failing query", async ({ request }) => {
    for (const url of ODD_BUT_DECODABLE) {
      expect((await request.get(url, { maxRedirects: 0 })).status(), url.slice(0, 80)).toBe(404);
    }
  });

  test("the revalidation route reads nothing unsigned and stops a signed-looking body at 20 kB", async () => {
    expect(await sendChunked({ path: "/api/internt/revalidera", headers: { "content-type": "application/json" }, bytes: 50e6 })).toMatchObject({ status: 403, allSent: false });
    const forged = await sendChunked({
      path: "/api/internt/revalidera",
      headers: { "content-type": "application/json", "x-kb-signature": "A".repeat(43) },
      bytes: 50e6,
    });
    expect(forged).toMatchObject({ status: 413, allSent: false });
  });

  test("autosave: a stranger's body is not read (401); a writer's past 2 MB is a 413", async () => {
    const path = `/api/texter/${randomUUID()}`;
    const stranger = await sendChunked({ path, method: "PUT", headers: { "content-type": "application/json" }, bytes: 50e6 });
    expect(stranger).toMatchObject({ status: 401, allSent: false });
    const writer = await sendChunked({ path, method: "PUT", headers: { "content-type": "application/json", cookie: cookieOf("skribent") }, bytes: 50e6 });
    expect(writer).toMatchObject({ status: 413, allSent: false });
    expect(JSON.parse(writer.body)).toEqual({ message: "Texten är för stor för att sparas." });
  });

  test("media upload: a stranger gets 401, a writer's chunked body past 15 MB a 413", async () => {
    const headers = { "content-type": "multipart/form-data; boundary=x" };
    expect(await sendChunked({ path: "/api/media", headers, bytes: 50e6 })).toMatchObject({ status: 401, allSent: false });
    const writer = await sendChunked({ path: "/api/media", headers: { ...headers, cookie: cookieOf("skribent") }, bytes: 60e6 });
    expect(writer).toMatchObject({ status: 413, allSent: false });
    expect(JSON.parse(writer.body)).toEqual({ message: "Bilden är för stor (högst 15 MB)." });
  });

  test("the subscribe form stops a chunked body at its cap and sends the reader back", async () => {
    const response = await sendChunked({ path: "/prenumerera/skicka", headers: { "content-type": "application/x-www-form-urlencoded" }, bytes: 50e6 });
    expect(response).toMatchObject({ status: 303, allSent: false });
    expect(response.location).toMatch(/^\/prenumerera\?fel=too_long/);
  });

  test("data-changing routes refuse another site's browser and the wrong format", async ({ request, baseURL }) => {
    const crossSite = await request.post("/prenumerera/skicka", {
      form: { email: "kapad@exempelby.se", standard: "nyhetsbrev" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain("annan webbplats");
    const plain = await request.post("/prenumerera/skicka", { data: "email=kapad%40exempelby.se", headers: { "content-type": "text/plain" }, maxRedirects: 0 });
    expect(plain.status()).toBe(415);
    const own = await request.post("/prenumerera/skicka", { form: { email: "egen@exempelby.se", standard: "nyhetsbrev" }, headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(own.status()).toBe(303);
    expect(own.headers().location).toBe("/prenumerera/tack");
  });
});

/** After each of the above the server is still up and serving readers. */
test.afterEach(async ({ request }) => {
  expect((await request.get("/")).status()).toBe(200);
});

function cookieOf(role: DemoRole): string {
  const state = JSON.parse(fs.readFileSync(storageStatePath(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

type Answer = { status: number; body: string; location: string | undefined; allSent: boolean };

/**
 * Sends up to `bytes` of body with chunked transfer encoding (no Content-Length: nothing to refuse it
 * by up front) and resolves with the first answer. The server must answer before the body ends: a
 * route that read it all would answer only after `allSent`.
 */
function sendChunked(options: { path: string; method?: string; headers: Record<string, string>; bytes: number }): Promise<Answer> {
  const base = new URL(test.info().project.use.baseURL!);
  const chunk = Buffer.alloc(64 * 1024, "a");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({
      host: base.hostname,
      port: base.port,
      path: options.path,
      method: options.method ?? "POST",
      headers: { ...options.headers, "transfer-encoding": "chunked" },
    });
    const pump = () => {
      while (!answered && sent < options.bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.on("response", (res) => {
      answered = true;
      const allSent = sent >= options.bytes;
      const parts: Buffer[] = [];
      res.on("data", (part: Buffer) => parts.push(part));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), location: res.headers.location, allSent });
        req.destroy();
      });
      res.on("error", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), location: res.headers.location, allSent }));
    });
    // Once answered, the server may close the connection on the rest of the body: that is fine.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    pump();
  });
}
