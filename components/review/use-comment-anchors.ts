"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { commentAnchorRanges } from "./comment-highlights";
import { findNearest, normalizeAnchorText, rangeAtOffsets, textOffsetsWithin } from "@/lib/review/anchor";
import type { CommentAnchor, CommentThread } from "@/lib/review/comments";

/**
 * Outside the editor (the review page) the article is rendered HTML inside an element marked
 * `data-review-text`. There an anchor's `from`/`to` are character offsets in that element's
 * textContent and `text` is the selected string (block breaks as "\n"). The editor re-finds such a
 * passage by its text, nearest to `from`, like any other anchor.
 */
export const REVIEW_TEXT_SELECTOR = "[data-review-text]";

const reviewText = () => document.querySelector(REVIEW_TEXT_SELECTOR);

/** The passage to attach a new comment to: the editor's selection, or a selection in the review text. */
export function useCommentSelection(editor: Editor | null): CommentAnchor | null {
  const [selection, setSelection] = useState<CommentAnchor | null>(null);

  useEffect(() => {
    // Only a changed selection re-renders: typing moves a collapsed cursor, which stays "none".
    const update = (next: CommentAnchor | null) => setSelection((prev) => (prev?.from === next?.from && prev?.to === next?.to && prev?.text === next?.text ? prev : next));

    if (editor) {
      const onSelection = () => {
        const { from, to, empty } = editor.state.selection;
        const text = empty ? "" : editor.state.doc.textBetween(from, to, "\n");
        update(text.trim() ? { from, to, text } : null);
      };
      onSelection();
      editor.on("selectionUpdate", onSelection);
      return () => void editor.off("selectionUpdate", onSelection);
    }

    const onSelectionChange = () => {
      const container = reviewText();
      const current = window.getSelection();
      if (!container || !current || current.rangeCount === 0) return;
      const range = current.getRangeAt(0);
      // Moving into the comment form must not forget what was selected in the article.
      if (!container.contains(range.commonAncestorContainer)) return;
      const offsets = range.collapsed ? null : textOffsetsWithin(container, range);
      const text = normalizeAnchorText(current.toString());
      update(offsets && text.trim() ? { ...offsets, text } : null);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [editor]);

  return selection;
}

/**
 * Highlights the open threads' passages in the editor, and reports which passages can no longer be
 * found. Cheap per transaction: it only reads the plugin's result and re-renders when that changes.
 */
export function useAnchorStatus(editor: Editor | null, threads: CommentThread[] | null): ReadonlySet<string> {
  const [missing, setMissing] = useState("");

  useEffect(() => {
    if (!editor || editor.isDestroyed || !threads) return;
    const open = threads.filter((t) => !t.resolved && t.anchor);
    editor.commands.setCommentAnchors(open.map((t) => ({ id: t.id, ...t.anchor! })));
    const check = () => {
      const ranges = commentAnchorRanges(editor.state);
      setMissing(
        open
          .filter((t) => ranges.get(t.id) === null)
          .map((t) => t.id)
          .join(" "),
      );
    };
    check();
    editor.on("transaction", check);
    return () => void editor.off("transaction", check);
  }, [editor, threads]);

  useEffect(() => {
    if (editor || !threads) return;
    const container = reviewText();
    const text = container?.textContent ?? "";
    setMissing(
      threads
        .filter((t) => t.anchor && !text.includes(flat(t.anchor.text)))
        .map((t) => t.id)
        .join(" "),
    );
  }, [editor, threads]);

  return new Set(missing.split(" ").filter(Boolean));
}

/** textContent has no block breaks, so a passage across paragraphs is searched without them. */
const flat = (text: string) => text.replace(/\n+/g, "");

/** Selects a thread's passage and scrolls to it. */
export function showPassage(editor: Editor | null, thread: CommentThread) {
  if (!thread.anchor) return;
  if (editor) {
    const range = commentAnchorRanges(editor.state).get(thread.id);
    if (range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    return;
  }
  const container = reviewText();
  if (!container) return;
  const { from, to, text } = thread.anchor;
  const needle = flat(text);
  let range = rangeAtOffsets(container, from, to);
  if (range?.toString() !== needle) {
    const at = findNearest(container.textContent ?? "", needle, from);
    range = at === -1 ? null : rangeAtOffsets(container, at, at + needle.length);
  }
  if (!range) return;
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  (range.startContainer.parentElement ?? container).scrollIntoView({ block: "center", behavior: "smooth" });
}
