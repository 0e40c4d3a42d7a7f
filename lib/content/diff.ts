import type { JSONContent } from "@tiptap/core";
import { diffArrays, diffWords } from "diff";
import { normalizeDescription } from "./description";
import { inlineText } from "./text";

export type DiffPart = { text: string; change: "same" | "added" | "removed" };
export type DiffLine = { change: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };

/** One readable line per block, so that a diff reads like the text rather than like JSON. */
export function documentLines(node: JSONContent, prefix = ""): string[] {
  switch (node.type) {
    case "doc":
    case "blockquote":
    case "qa":
    case "qaPair":
    case "qaAnswer":
      return (node.content ?? []).flatMap((child) => documentLines(child, node.type === "blockquote" ? `${prefix}> ` : prefix));
    case "bulletList":
    case "orderedList":
      return (node.content ?? []).flatMap((item, index) =>
        (item.content ?? []).flatMap((child) => documentLines(child, `${prefix}${node.type === "bulletList" ? "•" : `${index + 1}.`} `)),
      );
    case "heading":
      return [`${prefix}${"#".repeat(Number(node.attrs?.level ?? 2))} ${inlineText(node)}`];
    case "infoBox":
      return [`${prefix}[${String(node.attrs?.title ?? "Fakta")}]`, ...(node.content ?? []).flatMap((child) => documentLines(child, `${prefix}  `))];
    case "signature":
      return [`${prefix}— ${String(node.attrs?.name ?? "")}, ${String(node.attrs?.title ?? "")}`];
    case "figure":
      return [`${prefix}[Bild: ${String(node.attrs?.alt ?? "")}] ${String(node.attrs?.caption ?? "")}`.trimEnd()];
    case "qaQuestion":
      return [`${prefix}F: ${inlineText(node)}`];
    case "horizontalRule":
      return [`${prefix}———`];
    case "table":
      return (node.content ?? []).map((row) => `${prefix}| ${(row.content ?? []).map(inlineText).join(" | ")} |`);
    default:
      return [`${prefix}${inlineText(node)}`];
  }
}

/**
 * A whole text as diff lines: title, lead and description first, then the body. The description is
 * listed only when written, so texts without one diff as they always did, and writing, changing or
 * removing one shows as a line of its own for the utgivare to approve.
 */
export function textLines(text: { title: string; lead: string; description?: string | null; body: JSONContent }): string[] {
  const description = normalizeDescription(text.description);
  return [`Rubrik: ${text.title}`, `Ingress: ${text.lead}`, ...(description ? [`Beskrivning: ${description}`] : []), ...documentLines(text.body)];
}

/** A line-by-line diff, with word-level detail for lines that were changed rather than replaced. */
export function diffDocuments(before: string[], after: string[]): DiffLine[] {
  const lines: DiffLine[] = [];
  const chunks = diffArrays(before, after);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (chunk.removed && next?.added) {
      // Pair removed and added lines as edits; whatever is left over was really removed or added.
      const paired = Math.min(chunk.value.length, next.value.length);
      for (let k = 0; k < paired; k++) {
        const parts = diffWords(chunk.value[k]!, next.value[k]!).map((part) => ({
          text: part.value,
          change: part.added ? ("added" as const) : part.removed ? ("removed" as const) : ("same" as const),
        }));
        lines.push({ change: "changed", parts });
      }
      for (const text of chunk.value.slice(paired)) lines.push({ change: "removed", parts: [{ text, change: "removed" }] });
      for (const text of next.value.slice(paired)) lines.push({ change: "added", parts: [{ text, change: "added" }] });
      i++;
      continue;
    }
    const change = chunk.added ? "added" : chunk.removed ? "removed" : "same";
    for (const text of chunk.value) lines.push({ change, parts: [{ text, change }] });
  }
  return lines;
}
