import { describe, expect, it } from "vitest";
import { bold, doc, h, infoBox, link, p, signature, ul } from "./build";
import { renderDocument } from "./render";

describe("renderDocument", () => {
  it("renders headings, marks, lists and links", () => {
    const html = renderDocument(doc(h(2, "Rubrik"), p("Hej ", bold("världen"), " och ", link("mer", "https://example.com/a")), ul(["ett"], ["två"])));
    expect(html).toContain("<h2>Rubrik</h2>");
    expect(html).toContain("<strong>världen</strong>");
    expect(html).toContain('<a href="https://example.com/a">mer</a>');
    expect(html).toContain("<ul><li><p>ett</p></li><li><p>två</p></li></ul>");
  });

  it("renders an info box with its title and a two-line signature", () => {
    const html = renderDocument(doc(infoBox("Datum, tid och plats", p("Torget kl. 10")), signature("Eva Exempel", "Informatör")));
    expect(html).toContain('class="info-box"');
    expect(html).toContain('aria-label="Datum, tid och plats"');
    expect(html).toContain('<p class="info-box__title">Datum, tid och plats</p>');
    expect(html).toContain('<span class="signature__name">Eva Exempel</span><br/><span class="signature__title">Informatör</span>');
  });

  it("escapes text and attribute values instead of passing markup through", () => {
    const html = renderDocument(doc(p("<script>alert(1)</script>"), signature('"><img src=x onerror=alert(1)>', "x")));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops the href of a javascript: link", () => {
    const html = renderDocument(doc(p(link("klick", "javascript:alert(1)"))));
    expect(html).not.toContain("javascript:");
  });
});
