import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection, type Transaction } from "@tiptap/pm/state";

/**
 * Inserts a block in place of the selection and puts the cursor in an empty paragraph right after
 * it, adding one when the next block has text or is not a paragraph. Left as ProseMirror leaves it,
 * an atom (an image, a signature) stays selected and the next letter typed replaces it: the writer
 * loses the block without a sign.
 */
export function insertBlockAndContinue(tr: Transaction, block: PMNode): void {
  tr.replaceSelectionWith(block);
  // Where the block lands depends on the selection (a split paragraph, a replaced empty one), so
  // find the node by identity: ProseMirror keeps the very object.
  let after = -1;
  tr.doc.descendants((node, pos) => {
    if (node === block) after = pos + node.nodeSize;
    return after < 0 && !node.isTextblock;
  });
  if (after < 0) return;
  const next = tr.doc.resolve(after).nodeAfter;
  if (!(next?.type.name === "paragraph" && next.content.size === 0)) {
    const paragraph = tr.doc.type.schema.nodes.paragraph!;
    tr.insert(after, paragraph.create());
  }
  tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
}
