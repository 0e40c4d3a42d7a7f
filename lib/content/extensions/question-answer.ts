import { findParentNode, mergeAttributes, Node } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { Selection, TextSelection } from "@tiptap/pm/state";

export interface QaOptions {
  /**
   * Extra HTML attributes on the block.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    qa: {
      /** Inserts an interview block with one empty question and answer, the cursor in the question. */
      insertQa: () => ReturnType;
      /** Adds an empty question after the pair the cursor is in, and moves the cursor there. */
      addQaPair: () => ReturnType;
    };
  }
}

function emptyPair(schema: Schema): PMNode {
  const { qaPair, qaQuestion, qaAnswer, paragraph } = schema.nodes;
  return qaPair!.create(null, [qaQuestion!.create(), qaAnswer!.create(null, paragraph!.create())]);
}

/**
 * Questions and answers from an interview. The question is its own node, not a bold paragraph,
 * so screen readers, the e-mail renderer and the styling all know which is which.
 *
 * Rendered as a description list (`dl`, each pair a `div` of `dt` and `dd`): the HTML standard
 * names "questions and answers" among the name–value groups a `dl` is for, and screen readers
 * announce the list, its number of items and each term. Headings were the alternative, but a
 * question is not a section of the text: the level would depend on where the block stands (an
 * article's h2 in an issue, an h3 in the e-mail), and a long interview would flood the page's
 * outline that readers navigate by.
 */
export const Qa = Node.create<QaOptions>({
  name: "qa",
  group: "block",
  content: "qaPair+",
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  parseHTML() {
    // The div form is how the block was rendered before it became a description list.
    return [{ tag: 'dl[data-type="qa"]' }, { tag: 'div[data-type="qa"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["dl", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: "qa", "data-type": "qa" }), 0];
  },

  addCommands() {
    return {
      insertQa:
        () =>
        ({ state, tr, dispatch }) => {
          const block = state.schema.nodes.qa!.create(null, emptyPair(state.schema));
          if (dispatch) {
            tr.replaceSelectionWith(block);
            // Where the block lands depends on the selection (a split paragraph, a replaced empty
            // one); ProseMirror keeps the node itself, so find it by identity.
            let start = -1;
            tr.doc.descendants((node, pos) => {
              if (node === block) start = pos;
              return start < 0 && !node.isTextblock;
            });
            // qa → qaPair → qaQuestion: the question's text starts three levels in.
            if (start >= 0) tr.setSelection(TextSelection.create(tr.doc, start + 3));
            tr.scrollIntoView();
          }
          return true;
        },
      addQaPair:
        () =>
        ({ state, tr, dispatch }) => {
          const pair = findParentNode((node) => node.type.name === "qaPair")(state.selection);
          if (!pair) return false;
          if (dispatch) {
            const after = pair.pos + pair.node.nodeSize;
            tr.insert(after, emptyPair(state.schema));
            tr.setSelection(TextSelection.create(tr.doc, after + 2)).scrollIntoView();
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { "Mod-Enter": () => this.editor.commands.addQaPair() };
  },
});

export const QaPair = Node.create({
  name: "qaPair",
  content: "qaQuestion qaAnswer",
  defining: true,

  parseHTML() {
    return [{ tag: "div.qa__pair", context: "qa/" }];
  },

  renderHTML() {
    return ["div", { class: "qa__pair" }, 0];
  },
});

export const QaQuestion = Node.create({
  name: "qaQuestion",
  content: "inline*",
  // Backspace at the start of the answer must not merge the answer into the question.
  isolating: true,

  parseHTML() {
    // Above the paragraph rule (priority 50), which would otherwise claim every <p>.
    return [
      { tag: "dt.qa__question", context: "qaPair/", priority: 60 },
      { tag: "p.qa__question", context: "qaPair/", priority: 60 },
    ];
  },

  renderHTML() {
    return ["dt", { class: "qa__question" }, 0];
  },

  addKeyboardShortcuts() {
    // A question is one paragraph: Enter goes on to the answer instead of splitting it.
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name) return false;
        // The answer's first place for text: it may open with a list or a quote.
        const answer = Selection.findFrom(editor.state.doc.resolve($from.after()), 1, true);
        if (!answer) return false;
        return editor.commands.command(({ tr }) => {
          tr.setSelection(answer);
          return true;
        });
      },
    };
  },
});

export const QaAnswer = Node.create({
  name: "qaAnswer",
  // What answers in real interviews hold; no headings, tables or boxes, which belong to the text.
  content: "(paragraph | bulletList | orderedList | blockquote)+",
  isolating: true,

  parseHTML() {
    return [
      { tag: "dd.qa__answer", context: "qaPair/" },
      { tag: "div.qa__answer", context: "qaPair/" },
    ];
  },

  renderHTML() {
    return ["dd", { class: "qa__answer" }, 0];
  },
});
