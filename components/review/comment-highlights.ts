import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { findNearest, normalizeAnchorText } from "@/lib/review/anchor";

/** A comment's passage as stored: where it was and what it said. */
export type StoredAnchor = { id: string; from: number; to: number; text: string };
/** Where the passage is in the current document; null when its text is no longer there. */
export type FoundRange = { from: number; to: number } | null;

type PluginState = { anchors: StoredAnchor[]; found: Map<string, FoundRange>; decorations: DecorationSet };

export interface CommentHighlightsOptions {
  /**
   * Classes of the highlighted passage (editor-only styling: decorations never reach stored JSON).
   * @default "comment-highlight bg-yellow-200"
   */
  class: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    commentHighlights: {
      /** Replaces the highlighted passages (the anchors of the unresolved comments). */
      setCommentAnchors: (anchors: StoredAnchor[]) => ReturnType;
    };
  }
}

export const commentHighlightsKey = new PluginKey<PluginState>("commentHighlights");

const BLOCK_SEPARATOR = "\n";

/** The document's text with the position of every character; blocks are separated by "\n". */
function documentText(doc: PMNode): { text: string; positions: number[] } {
  let text = "";
  const positions: number[] = [];
  let lastBlockEnd = -1;
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      if (text !== "") {
        text += BLOCK_SEPARATOR;
        positions.push(lastBlockEnd);
      }
      lastBlockEnd = pos + node.nodeSize - 1;
      return true;
    }
    if (node.isText) {
      text += node.text!;
      for (let i = 0; i < node.text!.length; i++) positions.push(pos + i);
    }
    return true;
  });
  return { text, positions };
}

function rangeHolds(doc: PMNode, range: FoundRange, text: string): boolean {
  return !!range && range.from >= 0 && range.to <= doc.content.size && range.from < range.to && doc.textBetween(range.from, range.to, BLOCK_SEPARATOR) === text;
}

/** Finds one passage: where it was if it still says the same, else the nearest occurrence of its text. */
export function locateAnchor(doc: PMNode, anchor: { text: string }, near: FoundRange | number, index?: ReturnType<typeof documentText>): FoundRange {
  const text = normalizeAnchorText(anchor.text);
  if (typeof near !== "number" && rangeHolds(doc, near, text)) return near;
  const { text: haystack, positions } = index ?? documentText(doc);
  const at = findNearest(haystack, text, typeof near === "number" ? near : (near?.from ?? 0), (i) => positions[i] ?? 0);
  if (at === -1) return null;
  return { from: positions[at]!, to: positions[at + text.length - 1]! + 1 };
}

function build(doc: PMNode, anchors: StoredAnchor[], previous: Map<string, FoundRange> | null, mapping: Transaction["mapping"] | null, className: string): PluginState {
  let index: ReturnType<typeof documentText> | undefined;
  const lazyIndex = () => (index ??= documentText(doc));
  const found = new Map<string, FoundRange>();
  const decorations: Decoration[] = [];
  for (const anchor of anchors) {
    const before = previous?.get(anchor.id);
    const stored = { from: anchor.from, to: anchor.to };
    // Found ranges always refer to the previous document: map them through the edit, if there was one.
    const carried: FoundRange = before && mapping ? { from: mapping.map(before.from, 1), to: mapping.map(before.to, -1) } : (before ?? null);
    const text = normalizeAnchorText(anchor.text);
    // While the passage still reads the same, mapping is enough; search the text only when it does not.
    const range = rangeHolds(doc, carried, text)
      ? carried
      : before === undefined && rangeHolds(doc, stored, text)
        ? stored
        : locateAnchor(doc, anchor, carried?.from ?? anchor.from, lazyIndex());
    found.set(anchor.id, range);
    if (range) decorations.push(Decoration.inline(range.from, range.to, { class: className, "data-comment-id": anchor.id }));
  }
  return { anchors, found, decorations: DecorationSet.create(doc, decorations) };
}

/** Where each comment's passage is now (null: the passage is gone), for the comments panel. */
export function commentAnchorRanges(state: EditorState): ReadonlyMap<string, FoundRange> {
  return commentHighlightsKey.getState(state)?.found ?? new Map();
}

/**
 * Highlights the passages that unresolved review comments are about. Work happens only when the
 * document or the list of comments changes: positions are mapped through each edit, and a passage is
 * searched for again only when the edit touched its words.
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: "commentHighlights",

  addOptions() {
    return { class: "comment-highlight bg-yellow-200" };
  },

  addCommands() {
    return {
      setCommentAnchors:
        (anchors) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(commentHighlightsKey, anchors).setMeta("addToHistory", false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const className = this.options.class;
    return [
      new Plugin<PluginState>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({ anchors: [], found: new Map(), decorations: DecorationSet.create(state.doc, []) }),
          apply: (tr, value, _old, newState) => {
            const anchors = tr.getMeta(commentHighlightsKey) as StoredAnchor[] | undefined;
            if (anchors) return build(newState.doc, anchors, value.found, null, className);
            if (!tr.docChanged || value.anchors.length === 0) return value;
            return build(newState.doc, value.anchors, value.found, tr.mapping, className);
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
