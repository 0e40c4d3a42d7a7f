import { getSchema, type JSONContent } from "@tiptap/core";
import { Node as PMNode } from "@tiptap/pm/model";
import { contentExtensions, isAllowedHref } from "./extensions";

export const schema = getSchema(contentExtensions);

/** Larger documents are refused: about 150 pages of text, far beyond any newsletter article. */
export const MAX_DOCUMENT_BYTES = 1_000_000;
export const MAX_DEPTH = 20;

export type ValidationResult = { ok: true; doc: PMNode } | { ok: false; message: string };

function depthOf(node: JSONContent, depth = 0): number {
  if (depth > MAX_DEPTH) return depth;
  return Math.max(depth, ...(node.content ?? []).map((child) => depthOf(child, depth + 1)));
}

function firstForbiddenLink(node: JSONContent): string | undefined {
  for (const mark of node.marks ?? []) {
    const href = mark.type === "link" ? mark.attrs?.href : undefined;
    if (typeof href === "string" && !isAllowedHref(href)) return href;
  }
  for (const child of node.content ?? []) {
    const found = firstForbiddenLink(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Checks a document from the client against the content schema before it is stored. */
export function validateDocument(input: unknown): ValidationResult {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
  } catch {
    return { ok: false, message: "Texten kunde inte läsas." };
  }
  if (size > MAX_DOCUMENT_BYTES) return { ok: false, message: "Texten är för stor för att sparas." };
  if (typeof input !== "object" || input === null || (input as JSONContent).type !== "doc") {
    return { ok: false, message: "Texten har ett okänt format." };
  }
  const json = input as JSONContent;
  if (depthOf(json) > MAX_DEPTH) return { ok: false, message: "Texten är för djupt nästlad." };
  const badLink = firstForbiddenLink(json);
  if (badLink !== undefined) return { ok: false, message: `Länken "${badLink.slice(0, 80)}" är inte tillåten.` };
  try {
    const doc = PMNode.fromJSON(schema, json);
    doc.check();
    return { ok: true, doc };
  } catch {
    return { ok: false, message: "Texten innehåller något som inte är tillåtet." };
  }
}
