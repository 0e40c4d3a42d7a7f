import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, hashSources, inlineScripts, isFrameworkScript, nonceSources, scriptHashes, sha256Source } from "./content-security-policy.mjs";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

// The three inline scripts Next 16 (Turbopack) writes into every page, shortened.
const TURBOPACK = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});';
const FLIGHT_START = "(self.__next_f=self.__next_f||[]).push([0])";
const FLIGHT = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[39756,[],\\"default\\"]\\n0:{\\"P\\":null,\\"b\\":\\"x\\"}\\u003c/p\\u003e"])';
const page = (...scripts: string[]) =>
  `<!DOCTYPE html><html lang="sv"><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><main><p>Text</p></main>${scripts
    .map((s) => `<script>${s}</script>`)
    .join("")}</body></html>`;

describe("contentSecurityPolicy", () => {
  it("allows scripts only from the site and the given sources, never inline as such", () => {
    const policy = directives(contentSecurityPolicy({ scriptSources: hashSources(["'sha256-abc='"]) }));
    expect(policy.get("script-src")).toEqual(["'self'", "'sha256-abc='"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets e-mail images and forms use the public address, and gives next dev its eval", () => {
    const policy = directives(contentSecurityPolicy({ scriptSources: nonceSources("bm9uY2U="), publicUrl: "https://bladet.exempelby.se/x", development: true }));
    expect(policy.get("img-src")).toEqual(["'self'", "https://bladet.exempelby.se", "data:", "blob:"]);
    expect(policy.get("form-action")).toEqual(["'self'", "https://bladet.exempelby.se"]);
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(directives(contentSecurityPolicy({ scriptSources: [], publicUrl: "inte en adress" })).get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });
});

describe("createNonce", () => {
  it("gives 128 random bits in the base64 Next reads from the header", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("sha256Source", () => {
  it("hashes as browsers do (the example in MDN's CSP script-src page)", () => {
    expect(sha256Source("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
});

describe("isFrameworkScript", () => {
  it("knows the scripts Next writes", () => {
    for (const script of [TURBOPACK, TURBOPACK.slice(0, -1), FLIGHT_START, FLIGHT, "self.__next_f.push([2,null])", 'self.__next_f.push([3,"AAEC"])']) {
      expect(isFrameworkScript(script), script).toBe(true);
    }
  });

  it("refuses anything else, code posing as a push included", () => {
    for (const script of [
      "alert(1)",
      'self.__next_f.push([1,""]);alert(1);self.__next_f.push([1,""])',
      "self.__next_f.push(alert(1))",
      'self.__next_f.push([1,"a"])//',
      "self.__next_f.push()",
      " self.__next_f.push([0])",
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("/x"));',
      '$RC("B:0","S:0")',
    ]) {
      expect(isFrameworkScript(script), script).toBe(false);
    }
  });
});

describe("inlineScripts", () => {
  it("reads inline scripts as the HTML parser does", () => {
    const html = [
      '<script src="/a.js"></script>',
      "<script async src=/b.js></script>",
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      "<SCRIPT>a()</SCRIPT >",
      '<script type="module">b()</script>',
      "<script type=text/javascript>c()</script/>",
      "<script>d()\r\ne()\rf()</script>",
      "<scripts>no</scripts>",
    ].join("");
    expect(inlineScripts(html)).toEqual(["a()", "b()", "c()", "d()\ne()\nf()"]);
  });
});

describe("scriptHashes", () => {
  it("hashes each framework script of a page once", () => {
    const { hashes, refused } = scriptHashes(page(TURBOPACK, FLIGHT_START, FLIGHT, FLIGHT));
    expect(hashes).toEqual([sha256Source(TURBOPACK), sha256Source(FLIGHT_START), sha256Source(FLIGHT)]);
    expect(refused).toEqual([]);
  });

  it("gives no hash to a script that came in with a text's HTML", () => {
    const html = page(FLIGHT_START, FLIGHT).replace("<p>Text</p>", "<p>Text</p><script>alert(document.cookie)</script>");
    const { hashes, refused } = scriptHashes(html);
    expect(hashes).toEqual([sha256Source(FLIGHT_START), sha256Source(FLIGHT)]);
    expect(refused).toEqual(["alert(document.cookie)"]);
  });
});
