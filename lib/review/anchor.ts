/*
 * Re-finding a commented passage. A comment stores the quoted text and where it was (`from`); the
 * text is edited afterwards, so the passage is found again by its words: the occurrence nearest to
 * where it was. Positions are whatever the caller counts in (ProseMirror positions in the editor,
 * character offsets of the rendered article on the review page): the search only compares distances.
 */

/** Line breaks between blocks read differently in a DOM selection ("\n\n") and the editor ("\n"). */
export function normalizeAnchorText(text: string): string {
  return text.replace(/[ \t\r]*\n\s*/g, "\n");
}

/**
 * The index in `haystack` where `needle` starts, choosing among several occurrences the one whose
 * position (`positionOf(index)`) is nearest to `near`; -1 when the passage is gone.
 */
export function findNearest(haystack: string, needle: string, near: number, positionOf: (index: number) => number = (i) => i): number {
  if (needle === "") return -1;
  let best = -1;
  let bestDistance = Infinity;
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) {
    const distance = Math.abs(positionOf(index) - near);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    } else if (best !== -1) {
      // Positions grow with the index, so the distance only grows from here on.
      break;
    }
  }
  return best;
}

/** The character offsets of `range` within `container`'s textContent, for anchors outside the editor. */
export function textOffsetsWithin(container: Node, range: Range): { from: number; to: number } | null {
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = container.ownerDocument!.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const from = before.toString().length;
  return { from, to: from + range.toString().length };
}

/** A DOM range over characters `from`–`to` of `container`'s textContent (the inverse of the above). */
export function rangeAtOffsets(container: Node, from: number, to: number): Range | null {
  const doc = container.ownerDocument!;
  const walker = doc.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
  const range = doc.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (!started && from <= seen + length) {
      range.setStart(node, from - seen);
      started = true;
    }
    if (started && to <= seen + length) {
      range.setEnd(node, to - seen);
      return range;
    }
    seen += length;
  }
  return null;
}
