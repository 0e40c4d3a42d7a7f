// @vitest-environment happy-dom
import { Editor, generateJSON, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { bold, doc, ol, p, qa, quote, ul } from "../build";
import { renderDocument } from "../render";
import { normalizeDocument, validateDocument } from "../validate";
import { contentExtensions } from ".";

function canonical(content: JSONContent): JSONContent {
  const result = validateDocument(content);
  if (!result.ok) throw new Error(result.message);
  return normalizeDocument(result.doc);
}

const interview = qa([["Varför bygger ni om ", bold("torget"), "?"], "Det är slitet.", p("Och för smalt.")], ["Och sedan?", "Ett nytt torg."]);

describe("question and answer", () => {
  it("marks each question up as a question: a description list of dt and dd, not a bold paragraph", () => {
    expect(renderDocument(doc(qa(["Varför?", "Därför."])))).toBe(
      '<dl class="qa" data-type="qa"><div class="qa__pair"><dt class="qa__question">Varför?</dt>' + '<dd class="qa__answer"><p>Därför.</p></dd></div></dl>',
    );
  });

  it("keeps marks in the question and several paragraphs in the answer", () => {
    const html = renderDocument(doc(interview));
    expect(html).toContain('<dt class="qa__question">Varför bygger ni om <strong>torget</strong>?</dt>');
    expect(html).toContain('<dd class="qa__answer"><p>Det är slitet.</p><p>Och för smalt.</p></dd>');
  });

  const rich = qa(["Vad behövs?", "Tre saker:", ul(["Bänkar"], ["Träd"]), ol(["Först ritningar"], ["Sedan bygget"]), quote(p("Torget är vårt vardagsrum."))]);

  it("lets an answer hold bulleted and numbered lists and a quote", () => {
    expect(validateDocument(doc(rich)).ok).toBe(true);
    const html = renderDocument(doc(rich));
    expect(html).toContain('<dd class="qa__answer"><p>Tre saker:</p><ul><li><p>Bänkar</p></li><li><p>Träd</p></li></ul><ol>');
    expect(html).toContain("<blockquote><p>Torget är vårt vardagsrum.</p></blockquote></dd>");
  });

  it("refuses headings and tables in an answer: they belong to the text around the interview", () => {
    expect(validateDocument(doc(qa(["Fråga?", { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "x" }] }]))).ok).toBe(false);
  });

  it("reads interviews stored before the description list, rendered as paragraphs and divs", () => {
    const old = '<div class="qa" data-type="qa"><div class="qa__pair"><p class="qa__question">Varför?</p><div class="qa__answer"><p>Därför.</p></div></div></div>';
    expect(generateJSON(old, contentExtensions)).toEqual(canonical(doc(qa(["Varför?", "Därför."]))));
  });

  it.each([
    ["one pair", doc(qa(["Fråga?", "Svar."]))],
    ["marks and two pairs", doc(p("Intervju:"), interview, qa(["Tom fråga följer"], [""]))],
    ["an empty question", doc(qa([[], "Svar utan fråga."]))],
    ["lists and a quote in an answer", doc(rich)],
  ])("survives JSON → HTML → JSON with %s", (_, content) => {
    expect(generateJSON(renderDocument(content), contentExtensions)).toEqual(canonical(content));
  });

  it("does not turn a pasted element with the same class into a question outside a block", () => {
    const json = generateJSON('<p class="qa__question">Bara ett stycke</p>', contentExtensions);
    expect(json.content?.[0]?.type).toBe("paragraph");
  });

  it("refuses a pair without an answer", () => {
    const broken = { type: "doc", content: [{ type: "qa", content: [{ type: "qaPair", content: [{ type: "qaQuestion" }] }] }] };
    expect(validateDocument(broken).ok).toBe(false);
  });

  describe("commands", () => {
    let editor: Editor | undefined;
    afterEach(() => editor?.destroy());

    const create = (content: JSONContent) => (editor = new Editor({ extensions: contentExtensions, content }));
    const parentType = (e: Editor) => e.state.selection.$from.parent.type.name;

    it("insertQa inserts an empty pair and puts the cursor in the question", () => {
      const e = create(doc(p("Inledning")));
      e.chain().focus("end").insertQa().run();
      expect(parentType(e)).toBe("qaQuestion");
      e.commands.insertContent("Varför?");
      expect(e.getJSON().content?.[1]).toEqual(canonical(doc(qa(["Varför?", ""]))).content?.[0]);
    });

    it("insertQa replaces an empty paragraph", () => {
      const e = create(doc(p("Inledning"), p()));
      e.chain().focus("end").insertQa().run();
      expect(parentType(e)).toBe("qaQuestion");
      // The trailing paragraph is StarterKit's: there is always a place to type after a block.
      expect(e.getJSON().content?.map((node) => node.type)).toEqual(["paragraph", "qa", "paragraph"]);
    });

    it("insertQa in the middle of a paragraph splits it", () => {
      const e = create(doc(p("Inledning")));
      e.chain().focus().setTextSelection(5).insertQa().insertContent("Fråga?").run();
      expect(parentType(e)).toBe("qaQuestion");
      expect(e.getJSON().content?.slice(0, 3)).toEqual(canonical(doc(p("Inle"), qa(["Fråga?", ""]), p("dning"))).content);
    });

    it("Enter in a question moves on to the answer; addQaPair adds the next question", () => {
      const e = create(doc(p("Inledning")));
      e.chain().focus("end").insertQa().insertContent("Fråga ett?").run();
      e.view.someProp("handleKeyDown", (handler) => handler(e.view, new KeyboardEvent("keydown", { key: "Enter" })));
      expect(parentType(e)).toBe("paragraph");
      expect(e.state.selection.$from.node(-1).type.name).toBe("qaAnswer");
      e.chain().insertContent("Svar ett.").addQaPair().insertContent("Fråga två?").run();
      expect(parentType(e)).toBe("qaQuestion");
      expect(e.getJSON().content?.[1]).toEqual(canonical(doc(qa(["Fråga ett?", "Svar ett."], ["Fråga två?"]))).content?.[0]);
      expect(validateDocument(e.getJSON()).ok).toBe(true);
    });

    it("Enter in a question goes to an answer that opens with a list, and the toolbar's list works there", () => {
      const e = create(doc(qa(["Fråga?", ul(["Punkt"])])));
      e.commands.setTextSelection(4);
      expect(parentType(e)).toBe("qaQuestion");
      e.view.someProp("handleKeyDown", (handler) => handler(e.view, new KeyboardEvent("keydown", { key: "Enter" })));
      expect(e.state.selection.$from.node(-1).type.name).toBe("listItem");
      const plain = create(doc(qa(["Fråga?", "Svar"])));
      plain.commands.setTextSelection(plain.state.doc.content.size - 4);
      expect(plain.commands.toggleBulletList()).toBe(true);
      expect(plain.getJSON().content?.[0]).toEqual(canonical(doc(qa(["Fråga?", ul(["Svar"])]))).content?.[0]);
    });

    it("addQaPair does nothing outside a question-and-answer block", () => {
      const e = create(doc(p("Inledning")));
      expect(e.commands.addQaPair()).toBe(false);
    });
  });
});
