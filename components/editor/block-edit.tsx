"use client";

import { findParentNode } from "@tiptap/core";
import { NodeSelection, Selection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { creditName } from "@/lib/content/extensions/figure";
import { PromptDialog } from "./prompt-dialog";

export const CREDIT_HINT = "Bara namnet: ”Foto:” skrivs ut framför det.";

export type EditableKind = "figure" | "signature" | "infoBox";
/** A block whose details are being edited, found by position; checked again before the change. */
export type BlockEdit = { kind: EditableKind; pos: number; attrs: Record<string, unknown> };

const ATOMS = new Set(["figure", "signature"]);

/** The toolbar button that inserts each kind; pressed on such a block, it edits it instead. */
export const ACTION_KIND: Record<string, EditableKind> = { image: "figure", signature: "signature", infoBox: "infoBox" };

/** The selected image or signature, or the fact box the cursor is in. */
export function editableAtSelection(editor: Editor): BlockEdit | null {
  const { selection } = editor.state;
  if (selection instanceof NodeSelection && ATOMS.has(selection.node.type.name)) {
    return { kind: selection.node.type.name as EditableKind, pos: selection.from, attrs: { ...selection.node.attrs } };
  }
  const box = findParentNode((node) => node.type.name === "infoBox")(selection);
  return box ? { kind: "infoBox", pos: box.pos, attrs: { ...box.node.attrs } } : null;
}

/**
 * Changes the block's attributes in one undoable step. After an image or a signature the cursor
 * goes on in the text after it: left selected, the block would be replaced by the next key typed.
 */
export function applyBlockEdit(editor: Editor, edit: BlockEdit, attrs: Record<string, string>): boolean {
  const node = editor.state.doc.nodeAt(edit.pos);
  if (!node || node.type.name !== edit.kind) return false;
  return editor
    .chain()
    .focus()
    .command(({ tr }) => {
      tr.setNodeMarkup(edit.pos, undefined, { ...node.attrs, ...attrs });
      if (ATOMS.has(edit.kind)) {
        const next = Selection.findFrom(tr.doc.resolve(edit.pos + node.nodeSize), 1, true);
        if (next) tr.setSelection(next);
      }
      return true;
    })
    .run();
}

/** The dialogs that edit an inserted image's texts, a signature and a fact box's title. */
export function BlockEditDialogs({ editor, edit, onClose }: { editor: Editor; edit: BlockEdit | null; onClose: () => void }) {
  const value = (name: string) => String(edit?.attrs[name] ?? "");
  const save = (attrs: Record<string, string>) => {
    if (edit) applyBlockEdit(editor, edit, attrs);
  };
  return (
    <>
      <PromptDialog
        open={edit?.kind === "figure"}
        title="Bildens texter"
        fields={[
          { name: "alt", label: "Alternativtext", defaultValue: value("alt"), required: true, maxLength: 300, hint: "Beskriv vad bilden visar för den som inte kan se den." },
          { name: "caption", label: "Bildtext", defaultValue: value("caption"), maxLength: 500 },
          { name: "credit", label: "Fotograf", defaultValue: creditName(value("credit")), maxLength: 200, hint: CREDIT_HINT },
        ]}
        submitLabel="Spara bilden"
        onSubmit={(v) => save({ alt: v.alt!, caption: v.caption ?? "", credit: creditName(v.credit ?? "") })}
        onClose={onClose}
      />
      <PromptDialog
        open={edit?.kind === "signature"}
        title="Ändra signaturen"
        fields={[
          { name: "name", label: "Namn", defaultValue: value("name"), required: true, maxLength: 200 },
          { name: "title", label: "Titel", defaultValue: value("title"), maxLength: 200 },
        ]}
        submitLabel="Spara signaturen"
        onSubmit={(v) => save({ name: v.name!, title: v.title ?? "" })}
        onClose={onClose}
      />
      <PromptDialog
        open={edit?.kind === "infoBox"}
        title="Ändra faktarutan"
        fields={[{ name: "title", label: "Rubrik i faktarutan", defaultValue: value("title"), required: true, maxLength: 200 }]}
        submitLabel="Spara faktarutan"
        onSubmit={(v) => save({ title: v.title! })}
        onClose={onClose}
      />
    </>
  );
}
