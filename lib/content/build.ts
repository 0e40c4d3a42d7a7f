import type { JSONContent } from "@tiptap/core";

/**
 * Small builders for stored documents. Seeds and tests write documents with these so that the
 * JSON stays in the exact shape the editor produces (and the validator accepts).
 */

type Inline = string | JSONContent;

export type MarkName = "bold" | "italic";

function inline(parts: Inline[]): JSONContent[] {
  return parts
    .map((part) => (typeof part === "string" ? { type: "text", text: part } : part))
    .filter((node) => node.type !== "text" || (node.text ?? "") !== "");
}

export function doc(...blocks: JSONContent[]): JSONContent {
  return { type: "doc", content: blocks };
}

export function p(...parts: Inline[]): JSONContent {
  const content = inline(parts);
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}

export function h(level: 2 | 3 | 4, text: string): JSONContent {
  return { type: "heading", attrs: { level }, content: inline([text]) };
}

export function bold(text: string): JSONContent {
  return { type: "text", text, marks: [{ type: "bold" }] };
}

export function italic(text: string): JSONContent {
  return { type: "text", text, marks: [{ type: "italic" }] };
}

export function link(text: string, href: string): JSONContent {
  return { type: "text", text, marks: [{ type: "link", attrs: { href } }] };
}

export function ul(...items: Inline[][]): JSONContent {
  return { type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [p(...item)] })) };
}

export function ol(...items: Inline[][]): JSONContent {
  return { type: "orderedList", attrs: { start: 1 }, content: items.map((item) => ({ type: "listItem", content: [p(...item)] })) };
}

export function quote(...paragraphs: JSONContent[]): JSONContent {
  return { type: "blockquote", content: paragraphs };
}

export function hr(): JSONContent {
  return { type: "horizontalRule" };
}

/** A fact box, e.g. "Datum, tid och plats" with the practical details of an event. */
export function infoBox(title: string, ...blocks: JSONContent[]): JSONContent {
  return { type: "infoBox", attrs: { title }, content: blocks };
}

/** The signature under a text or a section: "Eva Exempel, Informatör". */
export function signature(name: string, title: string): JSONContent {
  return { type: "signature", attrs: { name, title } };
}
