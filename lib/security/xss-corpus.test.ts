import { describe, expect, it } from "vitest";
import { inspectHtml } from "./inert-html";
import { isOneLine, markerIn, urlPayloads, XSS_PAYLOADS, type XssCategory } from "./xss-corpus";

describe("the XSS corpus", () => {
  it("has at least 50 payloads, each with a marker of its own that it names", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    const markers = XSS_PAYLOADS.map((p) => p.marker);
    expect(new Set(markers).size).toBe(markers.length);
    for (const p of XSS_PAYLOADS) {
      const readable = p.payload.replace(/^data:[^,]*;base64,(.*)$/, (_, encoded: string) => atob(encoded));
      expect(readable, String(p.marker)).toContain(String(p.marker));
      expect(markerIn(`alert(${p.marker})`)).toBe(p.marker);
    }
    expect(markerIn("1")).toBeNull();
  });

  it("covers every family of payload the issue names", () => {
    const families: XssCategory[] = ["script", "event-handler", "url", "svg-math-mxss", "attribute-breakout", "element-breakout", "template", "crlf", "unicode", "css", "encoded"];
    for (const family of families) expect(XSS_PAYLOADS.filter((p) => p.category === family).length, family).toBeGreaterThan(0);
    expect(urlPayloads().length).toBeGreaterThanOrEqual(10);
    expect(XSS_PAYLOADS.filter((p) => !isOneLine(p)).map((p) => p.marker)).toEqual([133, 141, 191, 192, 203]);
  });
});

describe("inspectHtml, the suite's inertness check", () => {
  // Written unescaped into a page, these become live markup: the check must see every one, or its
  // empty answers for escaped output would prove nothing.
  const LIVE_WHEN_UNESCAPED = [
    101, 102, 103, 104, 106, 111, 112, 113, 114, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 138, 142, 143, 144, 145, 146, 147, 148, 151, 152, 153, 154, 155, 156, 157, 158,
    163, 164, 171, 172, 173, 174, 175, 176, 177, 178, 191, 192, 193, 203, 204, 205, 211, 212, 213, 214,
  ];

  it.each(LIVE_WHEN_UNESCAPED)("finds payload %i when it is written unescaped", (marker) => {
    const payload = XSS_PAYLOADS.find((p) => p.marker === marker)!.payload;
    expect(inspectHtml(`<p>${payload}</p>`, { fragment: true }).problems.length).toBeGreaterThan(0);
  });

  it.each(urlPayloads().map((p) => [p.marker, p.payload] as const))("finds URL payload %i as a link target", (_, payload) => {
    expect(inspectHtml(`<a href="${payload}">länk</a>`, { fragment: true }).problems).toHaveLength(1);
  });

  it("passes our own markup: pictures, tables, mailto and site links", () => {
    const html =
      '<figure><picture><source type="image/avif" srcset="/media/a/480.avif 480w"><img src="/media/a/960.webp" alt=""></picture></figure><table><tbody><tr><td><a href="mailto:a@b.se">a</a> <a href="/kalender">k</a></td></tr></tbody></table>';
    expect(inspectHtml(html, { fragment: true })).toEqual({ problems: [], text: "a k" });
  });
});
