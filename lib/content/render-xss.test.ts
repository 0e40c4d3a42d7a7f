import { describe, expect, it } from "vitest";
import { inspectHtml } from "@/lib/security/inert-html";
import { documentCarrying, normalizeSpace, XSS_PAYLOADS } from "@/lib/security/xss-corpus";
import { doc, link, p } from "./build";
import { renderDocument } from "./render";

function occurrences(haystack: string, needle: string): number {
  return needle === "" ? 0 : haystack.split(needle).length - 1;
}

describe("renderDocument with the XSS corpus", () => {
  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("payload %i in every node, mark and attribute stays text", (_, payload) => {
    const { body, textPlaces } = documentCarrying(payload);
    const html = renderDocument(body);
    const { problems, text } = inspectHtml(html, { fragment: true });
    expect(problems).toEqual([]);
    expect(occurrences(text, normalizeSpace(payload))).toBeGreaterThanOrEqual(textPlaces);
  });

  it("keeps no link whose target is not http(s), mailto, tel or on the site", () => {
    const html = renderDocument(doc(...XSS_PAYLOADS.map((payload) => p(link(`länk ${payload.marker}`, payload.payload)))));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toHaveLength(XSS_PAYLOADS.length);
    // The link mark keeps its text and drops a target it does not allow: none is a web address, and
    // "#{alert(183)}…" is only a jump within the page.
    expect(hrefs.filter((href) => href !== "" && !href!.startsWith("#"))).toEqual([]);
  });
});
