// @vitest-environment happy-dom
import { Editor, generateJSON, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { doc, figure, p } from "../build";
import { renderDocument } from "../render";
import { normalizeDocument, validateDocument } from "../validate";
import { contentExtensions, creditName, isMediaId, MEDIA_WIDTHS, mediaUrl } from ".";

const id = "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

function canonical(content: JSONContent): JSONContent {
  const result = validateDocument(content);
  if (!result.ok) throw new Error(result.message);
  return normalizeDocument(result.doc);
}

function roundTrip(content: JSONContent): JSONContent {
  return generateJSON(renderDocument(content), contentExtensions);
}

describe("figure", () => {
  it("renders a responsive image by media id, with caption and credit", () => {
    const html = renderDocument(doc(figure({ mediaId: id, alt: "Torget", caption: "Invigningen.", credit: "Eva Exempel", width: 1600, height: 900 })));
    expect(html).toBe(
      `<figure class="figure" data-type="figure" data-media-id="${id}">` +
        `<picture><source type="image/avif" srcset="/media/${id}/480.avif 480w, /media/${id}/960.avif 960w, /media/${id}/1600.avif 1600w" sizes="(min-width: 48rem) 48rem, 100vw"/>` +
        `<img src="/media/${id}/960.webp" srcset="/media/${id}/480.webp 480w, /media/${id}/960.webp 960w, /media/${id}/1600.webp 1600w"` +
        ` sizes="(min-width: 48rem) 48rem, 100vw" alt="Torget" width="1600" height="900" loading="lazy" decoding="async"/></picture>` +
        `<figcaption>Invigningen. <span class="figure__credit">Foto: Eva Exempel</span></figcaption></figure>`,
    );
  });

  it("leaves out the caption, the credit and unknown sizes when they are empty", () => {
    const html = renderDocument(doc(figure({ mediaId: id })));
    expect(html).not.toContain("figcaption");
    expect(html).toContain('alt=""');
    expect(html).not.toContain("width=");
    expect(renderDocument(doc(figure({ mediaId: id, caption: "Bara text" })))).toContain("<figcaption>Bara text</figcaption>");
    expect(renderDocument(doc(figure({ mediaId: id, credit: "Eva" })))).toContain('<figcaption><span class="figure__credit">Foto: Eva</span></figcaption>');
  });

  it('says "Foto:" once when the writer typed it too', () => {
    for (const credit of ["Foto: Eva", "foto:Eva", "Foto : Eva ", "Fotograf: Eva"]) {
      expect(renderDocument(doc(figure({ mediaId: id, credit })))).toContain('<span class="figure__credit">Foto: Eva</span>');
      expect(creditName(credit)).toBe("Eva");
    }
    expect(creditName("Fotoklubben Blända")).toBe("Fotoklubben Blända");
    expect(renderDocument(doc(figure({ mediaId: id, credit: "Foto: " })))).not.toContain("figcaption");
  });

  it("never stores or renders anything but the media id as the image source", () => {
    const html = renderDocument(doc(figure({ mediaId: id, alt: '"><script>alert(1)</script>' })));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
    expect(Object.keys(canonical(doc(figure({ mediaId: id }))).content![0]!.attrs!)).not.toContain("src");
  });

  it.each([
    ["everything", figure({ mediaId: id, alt: "Ett hus", caption: "Huset på torget", credit: "Eva", width: 1200, height: 800 })],
    ["nothing but the id", figure({ mediaId: id })],
    ["only a caption", figure({ mediaId: id, caption: "Text med  två mellanslag " })],
    ["only a credit", figure({ mediaId: id, credit: "Kalle" })],
  ])("survives JSON → HTML → JSON with %s", (_, node) => {
    const content = doc(p("Före"), node, p("Efter"));
    expect(roundTrip(content)).toEqual(canonical(content));
  });

  it("skips a pasted figure without a media id instead of inventing one", () => {
    const json = generateJSON('<figure data-type="figure"><img src="https://evil.example/x.png"></figure><p>Text</p>', contentExtensions);
    expect(json).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text" }] }] });
  });

  it("exports the URL scheme the media server serves", () => {
    expect(MEDIA_WIDTHS).toEqual([480, 960, 1600]);
    expect(mediaUrl(id, 480)).toBe(`/media/${id}/480.webp`);
    expect(isMediaId(id)).toBe(true);
    expect(isMediaId(id.toUpperCase())).toBe(false);
    expect(isMediaId("../../etc/passwd")).toBe(false);
  });

  describe("setFigure", () => {
    let editor: Editor | undefined;
    afterEach(() => editor?.destroy());

    it("inserts a figure that the validator accepts", () => {
      editor = new Editor({ extensions: contentExtensions, content: doc(p("Hej")) });
      editor.chain().focus("end").setFigure({ mediaId: id, alt: "Torget", width: 800, height: 600 }).run();
      const json = editor.getJSON();
      expect(json.content?.some((node) => node.type === "figure" && node.attrs?.mediaId === id)).toBe(true);
      expect(validateDocument(json).ok).toBe(true);
    });
  });
});
