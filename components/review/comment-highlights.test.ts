// @vitest-environment happy-dom
import { Editor } from "@tiptap/core";
import { afterEach, describe, expect, it } from "vitest";
import { doc, p } from "@/lib/content/build";
import { contentExtensions } from "@/lib/content/extensions";
import { findNearest, normalizeAnchorText } from "@/lib/review/anchor";
import { commentAnchorRanges, CommentHighlights } from "./comment-highlights";

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

function make(...paragraphs: string[]) {
  editor = new Editor({ extensions: [...contentExtensions, CommentHighlights], content: doc(...paragraphs.map((t) => p(t))) });
  return editor;
}
const text = (e: Editor, id: string) => {
  const range = commentAnchorRanges(e.state).get(id);
  return range ? e.state.doc.textBetween(range.from, range.to, "\n") : null;
};

describe("comment highlights", () => {
  it("highlights the stored passage with the comment's id", () => {
    const e = make("Torget byggs om i vår.");
    e.commands.setCommentAnchors([{ id: "a", from: 8, to: 13, text: "byggs" }]);
    expect(text(e, "a")).toBe("byggs");
    const mark = e.view.dom.querySelector('[data-comment-id="a"]');
    expect(mark?.textContent).toBe("byggs");
    expect(mark?.className).toContain("bg-yellow-200");
  });

  it("follows the passage through edits before it, and picks the occurrence nearest to where it was", () => {
    const e = make("skola och skola och skola");
    // The second "skola" (positions 11–16).
    e.commands.setCommentAnchors([{ id: "a", from: 11, to: 16, text: "skola" }]);
    e.commands.insertContentAt(1, "Ny ");
    expect(commentAnchorRanges(e.state).get("a")).toEqual({ from: 14, to: 19 });
    // Stored positions from an older version: the nearest occurrence wins.
    e.commands.setCommentAnchors([{ id: "b", from: 24, to: 29, text: "skola" }]);
    expect(commentAnchorRanges(e.state).get("b")).toEqual({ from: 24, to: 29 });
    e.commands.setCommentAnchors([{ id: "c", from: 30, to: 35, text: "skola" }]);
    expect(commentAnchorRanges(e.state).get("c")).toEqual({ from: 24, to: 29 });
  });

  it("reports a passage whose words were removed as gone, and finds passages across paragraphs", () => {
    const e = make("Första stycket.", "Andra stycket.");
    e.commands.setCommentAnchors([
      { id: "gone", from: 1, to: 7, text: "Första" },
      { id: "across", from: 0, to: 0, text: "stycket.\n\nAndra" },
    ]);
    expect(text(e, "across")).toBe("stycket.\nAndra");
    e.commands.deleteRange({ from: 1, to: 7 });
    expect(commentAnchorRanges(e.state).get("gone")).toBeNull();
    expect(e.view.dom.querySelector('[data-comment-id="gone"]')).toBeNull();
    expect(text(e, "across")).toBe("stycket.\nAndra");
  });

  it("drops the highlight when the comment is resolved (no longer among the anchors)", () => {
    const e = make("Torget byggs om.");
    e.commands.setCommentAnchors([{ id: "a", from: 8, to: 13, text: "byggs" }]);
    e.commands.setCommentAnchors([]);
    expect(e.view.dom.querySelector("[data-comment-id]")).toBeNull();
  });
});

describe("anchor search", () => {
  it("finds the nearest occurrence and nothing when the text is gone", () => {
    expect(findNearest("ab ab ab", "ab", 4)).toBe(3);
    expect(findNearest("ab ab ab", "ab", 100)).toBe(6);
    expect(findNearest("ab", "c", 0)).toBe(-1);
    expect(findNearest("ab", "", 0)).toBe(-1);
  });

  it("reads a DOM selection's paragraph breaks like the editor's", () => {
    expect(normalizeAnchorText("slut.\n\nBörjan")).toBe("slut.\nBörjan");
  });
});
