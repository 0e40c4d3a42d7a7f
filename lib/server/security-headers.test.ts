import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { scriptHashes, sha256Source } from "@/lib/security/content-security-policy.mjs";
import { createMicroCache, type MicroCache } from "./micro-cache.mjs";
import { createSecurityHeaders, HSTS, needsPolicy, publicPolicy } from "./security-headers.mjs";

// Next's own compression middleware, which wraps the response inside Next's handler, after this layer.
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (req: unknown, res: unknown, next: () => void) => void;

const FLIGHT_START = "(self.__next_f=self.__next_f||[]).push([0])";
const flight = (text: string) => `self.__next_f.push(${JSON.stringify([1, text])})`;
// Big enough to be compressed (compression's threshold is 1 kB).
const article = (extra = "") =>
  `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"/><script src="/_next/static/chunks/a.js" async=""></script></head><body><main>${"<p>Kommunen bygger en förskola.</p>".repeat(60)}${extra}</main><script>${FLIGHT_START}</script><script>${flight('0:{"P":null}\n')}</script></body></html>`;

let servers: http.Server[] = [];
let caches: MicroCache[] = [];
afterEach(async () => {
  for (const cache of caches) cache.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
  caches = [];
});

/**
 * scripts/start.mjs in small: the micro-cache, then this layer, then a stand-in for Next that
 * compresses as Next does and answers like it depending on the path.
 */
async function start(options: { publicUrl?: string; maxBody?: number; microCacheMs?: number } = {}) {
  const warnings: string[] = [];
  const cache = createMicroCache({ ttlMs: options.microCacheMs });
  caches.push(cache);
  let reads = 0;
  const security = createSecurityHeaders({
    publicUrl: options.publicUrl ?? "http://127.0.0.1",
    maxBody: options.maxBody,
    warn: (m) => warnings.push(m),
    policyOf: (html, publicUrl) => {
      reads += 1;
      return publicPolicy(html, publicUrl);
    },
  });
  const compress = compression();
  let body = article();
  let rendered = 0;
  const server = http.createServer((req, res) => {
    if (cache.handle(req, res)) return;
    security.handle(req, res);
    rendered += 1;
    compress(req, res, () => {});
    const url = (req.url ?? "").split("?")[0] ?? "";
    if (url === "/strommad") {
      // A dynamic render, streamed as Next's pipeToNodeResponse does it.
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.flushHeaders();
      const parts = body.match(/[\s\S]{1,700}/g) ?? [];
      let i = 0;
      const next = () => {
        if (i === parts.length) return void res.end();
        res.write(parts[i++]);
        (res as unknown as { flush?: () => void }).flush?.();
        setTimeout(next, 1);
      };
      next();
    } else if (url.startsWith("/redaktion")) {
      res.setHeader("content-security-policy", "script-src 'nonce-abc' 'strict-dynamic'");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(body);
    } else if (url === "/data.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ text: body }));
    } else {
      // A page from Next's page cache: all of it in one end(), with the cache's headers.
      res.setHeader("x-nextjs-cache", "HIT");
      res.setHeader("cache-control", "s-maxage=60, stale-while-revalidate=3540");
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(body));
      res.end(req.method === "HEAD" ? null : body);
    }
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }>((resolve, reject) => {
      http
        .request(base + path, { headers, method }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const coding = response.headers["content-encoding"];
            const text = (coding === "gzip" ? zlib.gunzipSync(raw) : coding === "deflate" ? zlib.inflateSync(raw) : raw).toString("utf8");
            resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, text });
          });
        })
        .on("error", reject)
        .end();
    });
  return { request, warnings, rendered: () => rendered, reads: () => reads, setBody: (html: string) => (body = html) };
}

const scriptSrc = (policy: unknown) =>
  String(policy)
    .split("; ")
    .find((d) => d.startsWith("script-src "));

describe("the reader pages' policy", () => {
  it("names the page's inline scripts by hash, whatever coding Next sends it in", async () => {
    const app = await start();
    const expected = `script-src 'self' ${scriptHashes(article()).hashes.join(" ")}`;
    for (const coding of ["gzip", "deflate", "identity"]) {
      const response = await app.request("/nyhetsbrev/2026/11/forskolan", { "accept-encoding": coding });
      expect(response.headers["content-encoding"]).toBe(coding === "identity" ? undefined : coding);
      expect(response.text).toBe(article());
      expect(scriptSrc(response.headers["content-security-policy"])).toBe(expected);
      expect(response.headers["content-length"]).toBe(String(response.raw.length));
    }
    expect(expected).toContain(sha256Source(FLIGHT_START));
    expect(app.warnings).toEqual([]);
  });

  it("holds a streamed page until it is complete", async () => {
    const app = await start();
    const response = await app.request("/strommad", { "accept-encoding": "gzip" });
    expect(response.text).toBe(article());
    expect(scriptSrc(response.headers["content-security-policy"])).toBe(`script-src 'self' ${scriptHashes(article()).hashes.join(" ")}`);
  });

  it("gives a script that came in with a text's HTML no hash, and says so in the log", async () => {
    const app = await start();
    app.setBody(article("<script>alert(document.cookie)</script>"));
    const response = await app.request("/blogg/kommunchefen/inlagg", { "accept-encoding": "gzip" });
    expect(scriptSrc(response.headers["content-security-policy"])).not.toContain(sha256Source("alert(document.cookie)"));
    expect(scriptSrc(response.headers["content-security-policy"])).toContain(sha256Source(FLIGHT_START));
    expect(app.warnings).toHaveLength(1);
    expect(app.warnings[0]).toContain("alert(document.cookie)");
  });

  it("is kept with the bytes by the micro-cache, so a hit sends the same policy", async () => {
    const app = await start();
    const first = await app.request("/", { "accept-encoding": "gzip" });
    const second = await app.request("/", { "accept-encoding": "gzip" });
    expect(second.headers["x-micro-cache"]).toBe("HIT");
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(second.text).toBe(article());
    expect(app.rendered()).toBe(1);
  });

  it("reads the same bytes once, and a changed page again", async () => {
    // With the micro-cache off every request reaches this layer, as a page from Next's page cache:
    // the same bytes each time. (A streamed render is not: gzip's flushes fall where the timing puts
    // them, so its compressed bytes differ from one request to the next, and it is read each time.)
    const app = await start({ microCacheMs: 0 });
    const first = await app.request("/", { "accept-encoding": "gzip" });
    const second = await app.request("/", { "accept-encoding": "gzip" });
    expect(app.rendered()).toBe(2);
    expect(second.headers["content-security-policy"]).toBe(first.headers["content-security-policy"]);
    expect(app.reads()).toBe(1);
    app.setBody(article().replace(FLIGHT_START, "(self.__next_f=self.__next_f||[]).push([1])"));
    const changed = await app.request("/", { "accept-encoding": "gzip" });
    expect(app.reads()).toBe(2);
    expect(scriptSrc(changed.headers["content-security-policy"])).toContain(sha256Source("(self.__next_f=self.__next_f||[]).push([1])"));
    expect(scriptSrc(changed.headers["content-security-policy"])).not.toContain(sha256Source(FLIGHT_START));
  });

  it("lets no inline script run on a page too large to read, which still arrives whole", async () => {
    const app = await start({ maxBody: 2000 });
    const response = await app.request("/strommad", { "accept-encoding": "identity" });
    expect(response.text).toBe(article());
    expect(scriptSrc(response.headers["content-security-policy"])).toBe("script-src 'self'");
    expect(app.warnings[0]).toContain("för stor");
  });

  it("names the page in its warning by its path alone: a query string can hold what a reader searched for", async () => {
    const app = await start({ maxBody: 2000 });
    await app.request("/strommad?q=anna.svensson%40example.se&token=hemligt", { "accept-encoding": "identity" });
    expect(app.warnings[0]).toContain("/strommad");
    expect(app.warnings[0]).not.toMatch(/anna|hemligt|\?/);
  });

  it("leaves a page alone that has its own policy (staff: a nonce), and anything not HTML", async () => {
    const app = await start();
    const staff = await app.request("/redaktion", { "accept-encoding": "gzip" });
    expect(staff.headers["content-security-policy"]).toBe("script-src 'nonce-abc' 'strict-dynamic'");
    expect(staff.text).toBe(article());
    const json = await app.request("/data.json", { "accept-encoding": "gzip" });
    expect(json.headers["content-security-policy"]).toBeUndefined();
    expect(JSON.parse(json.text).text).toBe(article());
    const head = await app.request("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-security-policy"]).toBeUndefined();
  });
});

describe("Strict-Transport-Security", () => {
  it("is sent on every answer when the public address is https, and never over http", async () => {
    const secure = await start({ publicUrl: "https://bladet.exempelby.se" });
    expect((await secure.request("/")).headers["strict-transport-security"]).toBe(HSTS);
    expect((await secure.request("/data.json")).headers["strict-transport-security"]).toBe(HSTS);
    const plain = await start({ publicUrl: "http://localhost:3000" });
    expect((await plain.request("/")).headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("needsPolicy", () => {
  it("takes GETs of HTML pages with a body and no policy", () => {
    const html = { "content-type": "text/html; charset=utf-8" };
    expect(needsPolicy("GET", 200, html)).toBe(true);
    expect(needsPolicy("GET", 404, html)).toBe(true);
    expect(needsPolicy("HEAD", 200, html)).toBe(false);
    expect(needsPolicy("POST", 200, html)).toBe(false);
    expect(needsPolicy("GET", 304, html)).toBe(false);
    expect(needsPolicy("GET", 200, { ...html, "content-security-policy": "default-src 'self'" })).toBe(false);
    expect(needsPolicy("GET", 200, { "content-type": "text/x-component" })).toBe(false);
    expect(needsPolicy("GET", 200, {})).toBe(false);
  });
});
