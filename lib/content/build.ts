import type { JSONContent } from "@tiptap/core";
import type { FigureAttributes } from "./extensions/figure";

/**
 * Small builders for stored documents. Seeds and tests write documents with these so that the
 * JSON stays in the exact shape the editor produces (and the validator accepts).
 */

type Inline = string | JSONContent;

export type MarkName = "bold" | "italic";

function inline(parts: Inline[]): JSONContent[] {
  return parts.map((part) => (typeof part === "string" ? { type: "text", text: part } : part)).filter((node) => node.type !== "text" || (node.text ?? "") !== "");
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

/** An image from the media library, with every attribute spelled out as the editor stores it. */
export function figure(attrs: FigureAttributes): JSONContent {
  return {
    type: "figure",
    attrs: { alt: "", caption: "", credit: "", width: null, height: null, ...attrs },
  };
}

/** One interview pair: the question, then the answer as strings (one paragraph each) or paragraphs. */
export type QaPairInput = [question: Inline | Inline[], ...answer: (string | JSONContent)[]];

/** Questions and answers from an interview: `qa(["Varför?", "Därför."], ["Och sedan?", p("…")])`. */
export function qa(...pairs: QaPairInput[]): JSONContent {
  return {
    type: "qa",
    content: pairs.map(([question, ...answer]) => {
      const q = inline(Array.isArray(question) ? question : [question]);
      const paragraphs = answer.map((part) => (typeof part === "string" ? p(part) : part));
      return {
        type: "qaPair",
        content: [q.length > 0 ? { type: "qaQuestion", content: q } : { type: "qaQuestion" }, { type: "qaAnswer", content: paragraphs.length > 0 ? paragraphs : [p()] }],
      };
    }),
  };
}

type Cell = Inline | Inline[];

/**
 * A table; the first row is a header row unless `header: false`:
 * `table([["Dag", "Tid"], ["Måndag", "10–12"]])`.
 */
export function table(rows: Cell[][], { header = true }: { header?: boolean } = {}): JSONContent {
  return {
    type: "table",
    content: rows.map((row, index) => ({
      type: "tableRow",
      content: row.map((cell) => ({
        type: header && index === 0 ? "tableHeader" : "tableCell",
        attrs: { colspan: 1, rowspan: 1 },
        content: [p(...(Array.isArray(cell) ? cell : [cell]))],
      })),
    })),
  };
}
