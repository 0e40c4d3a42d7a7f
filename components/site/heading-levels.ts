import type { JSONContent } from "@tiptap/core";

function minHeadingLevel(node: JSONContent): number {
  let min = Infinity;
  if (node.type === "heading" && typeof node.attrs?.level === "number") min = node.attrs.level;
  for (const child of node.content ?? []) min = Math.min(min, minHeadingLevel(child));
  return min;
}

/**
 * The document with its headings moved so the highest one is `top`, keeping their relative order.
 * The same article sits under an h2 in its issue and under the h1 of its own page: without this,
 * one of the two pages skips a heading level. Never deeper than h6.
 */
export function withHeadingsFrom(doc: JSONContent, top: number): JSONContent {
  const min = minHeadingLevel(doc);
  if (min === Infinity || min === top) return doc;
  const shift = top - min;
  const walk = (node: JSONContent): JSONContent => ({
    ...node,
    ...(node.type === "heading" && typeof node.attrs?.level === "number" ? { attrs: { ...node.attrs, level: Math.min(6, Math.max(1, node.attrs.level + shift)) } } : {}),
    ...(node.content ? { content: node.content.map(walk) } : {}),
  });
  return walk(doc);
}
