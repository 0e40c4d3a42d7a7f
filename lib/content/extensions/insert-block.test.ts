// @vitest-environment happy-dom
import { Editor, type JSONContent } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { doc, figure, p, signature } from "../build";
import { normalizeDocument, validateDocument } from "../validate";
import { contentExtensions } from ".";

const id = "0b8f6a4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

function canonical(content: JSONContent): JSONContent {
  const result = validateDocument(content);
  if (!result.ok) throw new Error(result.message);
  return normalizeDocument(result.doc);
}

const blocks = [
  ["a signature", (e: Editor) => e.commands.insertSignature({ name: "Eva Exempel", title: "Informatör" }), signature("Eva Exempel", "Informatör")],
  ["an image", (e: Editor) => e.commands.setFigure({ mediaId: id, alt: "Torget" }), figure({ mediaId: id, alt: "Torget" })],
] as const;

describe("inserting an image or a signature", () => {
  let editor: Editor | undefined;
  afterEach(() => editor?.destroy());
  const create = (content: JSONContent) => (editor = new Editor({ extensions: contentExtensions, content }));

  it.each(blocks)("puts the cursor after %s, so typing keeps it", (_, insert, node) => {
    const e = create(doc(p("Inledning"), p()));
    e.commands.focus("end");
    insert(e);
    expect(e.state.selection.empty).toBe(true);
    e.commands.insertContent("Mer text");
    expect(e.getJSON()).toEqual(canonical(doc(p("Inledning"), node, p("Mer text"))));
  });

  it.each(blocks)("adds a paragraph after %s in the middle of a text", (_, insert, node) => {
    const e = create(doc(p("Inledning")));
    e.commands.setTextSelection(5);
    insert(e);
    e.commands.insertContent("Ny");
    expect(e.getJSON()).toEqual(canonical(doc(p("Inle"), node, p("Ny"), p("dning"))));
  });

  it.each(blocks)("replaces a selected block with %s and still goes on after it", (_, insert, node) => {
    const e = create(doc(p("Före"), signature("Gammal", ""), p("Efter")));
    e.commands.setNodeSelection(6);
    insert(e);
    e.commands.insertContent("x");
    expect(e.getJSON()).toEqual(canonical(doc(p("Före"), node, p("x"), p("Efter"))));
  });
});
