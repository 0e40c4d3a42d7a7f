import { findParentNode, mergeAttributes, Node } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { TextSelection } from "@tiptap/pm/state";

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
    return [{ tag: 'div[data-type="qa"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: "qa", "data-type": "qa" }), 0];
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
    return [{ tag: "p.qa__question", context: "qaPair/", priority: 60 }];
  },

  renderHTML() {
    return ["p", { class: "qa__question" }, 0];
  },

  addKeyboardShortcuts() {
    // A question is one paragraph: Enter goes on to the answer instead of splitting it.
    return {
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type.name !== this.name) return false;
        const answerStart = $from.after() + 2;
        return editor.commands.setTextSelection(answerStart);
      },
    };
  },
});

export const QaAnswer = Node.create({
  name: "qaAnswer",
  content: "paragraph+",
  isolating: true,

  parseHTML() {
    return [{ tag: "div.qa__answer", context: "qaPair/" }];
  },

  renderHTML() {
    return ["div", { class: "qa__answer" }, 0];
  },
});
