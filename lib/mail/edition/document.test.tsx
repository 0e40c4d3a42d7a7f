import { getSchema } from "@tiptap/core";
import { render } from "@react-email/render";
import { describe, expect, it } from "vitest";
import { doc, figure, h, ol, p, qa, quote, ul } from "@/lib/content/build";
import { contentExtensions } from "@/lib/content/extensions";
import { emailHref, emailMappings, EmailDocument, type DocumentContext } from "./document";
import { everyBlock, ORIGIN } from "./fixtures";

const ctx: DocumentContext = { origin: ORIGIN, baseUrl: `${ORIGIN}/blogg/kommunchefen/inlagg`, images: {}, headingTop: 2 };
const html = (content: Parameters<typeof EmailDocument>[0]["content"], over: Partial<DocumentContext> = {}) =>
  render(<EmailDocument content={content} ctx={{ ...ctx, ...over }} />);

describe("e-mail mappings", () => {
  it("cover every node and mark type of contentExtensions' schema", () => {
    const schema = getSchema(contentExtensions);
    const { nodeMapping, markMapping } = emailMappings(ctx);
    const nodes = Object.keys(schema.nodes);
    const marks = Object.keys(schema.marks);
    expect(nodes.length).toBeGreaterThan(15);
    expect(nodes.filter((type) => !(type in nodeMapping))).toEqual([]);
    expect(marks.filter((type) => !(type in markMapping))).toEqual([]);
  });

  it("render every block of a document, no node type left to the generic renderHTML", async () => {
    const out = await html(everyBlock);
    // The web's classes and data attributes would mean a node fell through to its renderHTML.
    expect(out).not.toMatch(/class=|data-type=|<picture|<figure/);
  });

  it("keep the text of a node type the schema does not know", async () => {
    const out = await html(doc(p("Före."), { type: "videoEmbed", content: [{ type: "text", text: "Filmens text" }] }));
    expect(out).toContain("Filmens text");
  });

  it("mark an interview's questions up as questions (dt) and keep lists and a quote in the answers", async () => {
    const out = await html(doc(qa(["Vad behövs?", "Tre saker:", ul(["Bänkar"]), ol(["Ritningar"]), quote(p("Vårt torg."))])));
    expect(out).toMatch(/<dl[^>]*><div[^>]*><dt[^>]*>Vad behövs\?<\/dt><dd[^>]*><p[^>]*>Tre saker:<\/p><ul[^>]*><li[^>]*>Bänkar<\/li><\/ul><ol[^>]*>/);
    expect(out).toMatch(/<blockquote[^>]*><p[^>]*>Vårt torg\.<\/p><\/blockquote><\/dd>/);
  });

  it('say "Foto:" once when the writer typed it too', async () => {
    const out = await html(doc(figure({ mediaId: "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", alt: "Torget", credit: "Foto: Eva Ek", width: 800, height: 600 })));
    expect(out).toContain("Foto: Eva Ek");
    expect(out).not.toContain("Foto: Foto:");
  });

  it("move the document's headings to start at the given level", async () => {
    const out = await html(doc(h(2, "Två"), h(3, "Tre")), { headingTop: 3 });
    expect(out).toMatch(/<h3[^>]*>Två<\/h3>/);
    expect(out).toMatch(/<h4[^>]*>Tre<\/h4>/);
  });
});

describe("emailHref", () => {
  it("makes site-relative links and anchors absolute on the text's page", () => {
    expect(emailHref("/kalender", ctx.baseUrl)).toBe(`${ORIGIN}/kalender`);
    expect(emailHref("#anmalan", ctx.baseUrl)).toBe(`${ctx.baseUrl}#anmalan`);
    expect(emailHref("mailto:kommunen@exempelby.test", ctx.baseUrl)).toBe("mailto:kommunen@exempelby.test");
  });

  it("drops every other scheme and deceptive address", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "//evil.example", "/\t/evil.example", "file:///etc/passwd"]) {
      expect(emailHref(href, ctx.baseUrl), href).toBeNull();
    }
  });
});
