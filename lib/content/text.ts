import type { JSONContent } from "@tiptap/core";

/** Blocks whose inline content is running text a reader reads. */
const TEXTBLOCKS = new Set(["paragraph", "heading", "qaQuestion"]);

/** The text of a node's inline content. A hard break becomes "\n": it ends a line like a paragraph. */
export function inlineText(node: JSONContent): string {
  return (node.content ?? []).map((child) => (child.type === "text" ? (child.text ?? "") : child.type === "hardBreak" ? "\n" : inlineText(child))).join("");
}

/**
 * The text of every paragraph, heading, question and image caption, in reading order. Alt texts,
 * photo credits, fact box titles and signatures are left out: they are labels, not running text.
 */
export function blockTexts(doc: JSONContent): string[] {
  const texts: string[] = [];
  const visit = (node: JSONContent): void => {
    if (TEXTBLOCKS.has(node.type ?? "")) {
      texts.push(inlineText(node));
    } else if (node.type === "figure") {
      const caption = typeof node.attrs?.caption === "string" ? node.attrs.caption : "";
      if (caption) texts.push(caption);
    } else {
      for (const child of node.content ?? []) visit(child);
    }
  };
  visit(doc);
  return texts;
}

/** The readable text of a document, one block per line: for search, excerpts and LIX. */
export function plainText(doc: JSONContent): string {
  return blockTexts(doc).join("\n");
}
