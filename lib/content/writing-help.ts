import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { lixLabel, lixStats, type LixLabel } from "./lix";
import { blockTexts, inlineText } from "./text";

/** Stable codes: the editor may key on them (to link to help, or to let a warning be overridden). */
export const WARNING_CODES = ["title-missing", "heading-skipped-level", "heading-empty", "image-missing-alt", "link-text-vague", "table-no-header", "section-empty"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** `path` holds child indexes from the document down to the block concerned; see positionOfPath. */
export type WritingWarning = { code: WarningCode; message: string; path?: number[] };

/** How a kept warning is remembered: by code, and by where it is when it concerns one block. */
export const warningKey = (warning: WritingWarning) => (warning.path ? `${warning.code}@${warning.path.join(".")}` : warning.code);

export type WritingAnalysis = {
  words: number;
  readingMinutes: number;
  lix: number;
  lixLabel: LixLabel;
  warnings: WritingWarning[];
};

const WORDS_PER_MINUTE = 200;

/** Link texts that say nothing about where the link leads, compared without case or punctuation. */
const VAGUE_LINK_TEXTS = new Set([
  "här",
  "klicka här",
  "klicka",
  "tryck här",
  "läs mer",
  "läs mer här",
  "mer",
  "mer info",
  "mer information",
  "länk",
  "länken",
  "denna länk",
  "den här länken",
  "click here",
  "here",
  "read more",
  "link",
]);

function isVague(linkText: string): boolean {
  const bare = linkText
    .toLocaleLowerCase("sv-SE")
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, "")
    .replace(/\s+/g, " ");
  return VAGUE_LINK_TEXTS.has(bare);
}

/** The texts of the links in a text block; neighbouring pieces of one link (some bold) are joined. */
function linkTexts(block: JSONContent): string[] {
  const texts: string[] = [];
  let previousHref: unknown;
  for (const child of block.content ?? []) {
    const href = child.marks?.find((mark) => mark.type === "link")?.attrs?.href;
    if (href === undefined || child.type !== "text") previousHref = undefined;
    else if (href === previousHref) texts[texts.length - 1] += child.text ?? "";
    else texts.push(child.text ?? "");
    if (child.type === "text" && href !== undefined) previousHref = href;
  }
  return texts;
}

function isBlank(node: JSONContent): boolean {
  return blockTexts(node).every((text) => text.trim() === "");
}

function containsType(node: JSONContent, type: string): boolean {
  return node.type === type || (node.content ?? []).some((child) => containsType(child, type));
}

/**
 * Length, reading time, LIX and accessibility warnings for a text being written. Words and LIX
 * count the lead and the body (see lib/content/lix.ts for what a word is), not the title.
 */
export function analyzeDocument(doc: JSONContent, { title, lead }: { title: string; lead: string }): WritingAnalysis {
  const warnings: WritingWarning[] = [];
  if (title.trim() === "") warnings.push({ code: "title-missing", message: "Texten saknar rubrik." });
  // The title is the page's h1, so the first heading in the body should be an h2.
  let previousLevel = 1;

  const visit = (node: JSONContent, path: number[]): void => {
    switch (node.type) {
      case "heading": {
        const level = Number(node.attrs?.level ?? 2);
        if (level > previousLevel + 1) {
          warnings.push({ code: "heading-skipped-level", message: `Rubriknivå hoppar från ${previousLevel} till ${level}.`, path });
        }
        previousLevel = level;
        if (inlineText(node).trim() === "") warnings.push({ code: "heading-empty", message: "Rubriken är tom.", path });
        break;
      }
      case "figure":
        if (String(node.attrs?.alt ?? "").trim() === "") {
          warnings.push({ code: "image-missing-alt", message: "Bilden saknar alternativtext.", path });
        }
        return;
      case "table":
        if (!containsType(node, "tableHeader")) warnings.push({ code: "table-no-header", message: "Tabellen saknar rubrikrad.", path });
        break;
      case "infoBox":
        if (isBlank(node)) warnings.push({ code: "section-empty", message: "Faktarutan är tom.", path });
        break;
      case "qaPair":
        if ((node.content ?? []).some(isBlank)) warnings.push({ code: "section-empty", message: "En fråga eller ett svar är tomt.", path });
        break;
    }
    for (const text of linkTexts(node)) {
      if (isVague(text)) {
        warnings.push({ code: "link-text-vague", message: `Länktexten ”${text.trim()}” säger inte vart länken leder.`, path });
      }
    }
    (node.content ?? []).forEach((child, index) => visit(child, [...path, index]));
  };
  (doc.content ?? []).forEach((child, index) => visit(child, [index]));

  const stats = lixStats([lead, ...blockTexts(doc)].join("\n"));
  return {
    words: stats.words,
    readingMinutes: stats.words === 0 ? 0 : Math.max(1, Math.round(stats.words / WORDS_PER_MINUTE)),
    lix: stats.score,
    lixLabel: lixLabel(stats.score),
    warnings,
  };
}

/** The position just before the node a warning's path points at, or null if the document changed. */
export function positionOfPath(doc: PMNode, path: readonly number[]): number | null {
  let node = doc;
  let pos = 0;
  for (const [depth, index] of path.entries()) {
    if (index < 0 || index >= node.childCount) return null;
    for (let i = 0; i < index; i++) pos += node.child(i).nodeSize;
    if (depth === path.length - 1) return pos;
    node = node.child(index);
    pos += 1;
  }
  return pos;
}
