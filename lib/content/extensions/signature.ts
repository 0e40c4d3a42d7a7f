import { mergeAttributes, Node } from "@tiptap/core";
import { insertBlockAndContinue } from "./insert-block";

export interface SignatureOptions {
  /**
   * Extra HTML attributes on the signature.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    signature: {
      /** Inserts a signature (the writer's name and the title they sign with); the cursor goes on after it. */
      insertSignature: (attributes: { name: string; title: string }) => ReturnType;
    };
  }
}

/** "Eva Exempel" over "Informatör": closes an article or one author's section of a post. */
export const Signature = Node.create<SignatureOptions>({
  name: "signature",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      name: {
        default: "",
        parseHTML: (element) => element.querySelector(".signature__name")?.textContent ?? "",
        renderHTML: () => ({}),
      },
      title: {
        default: "",
        parseHTML: (element) => element.querySelector(".signature__title")?.textContent ?? "",
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    // Above the paragraph rule, or a pasted signature would come back as a plain paragraph.
    return [{ tag: 'p[data-type="signature"]', priority: 60 }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const name = String(node.attrs.name ?? "");
    const title = String(node.attrs.title ?? "");
    const attrs = mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
      "data-type": "signature",
      class: "signature",
    });
    if (!title) return ["p", attrs, ["span", { class: "signature__name" }, name]];
    return ["p", attrs, ["span", { class: "signature__name" }, name], ["br"], ["span", { class: "signature__title" }, title]];
  },

  addCommands() {
    return {
      insertSignature:
        (attributes) =>
        ({ tr, dispatch }) => {
          if (dispatch) insertBlockAndContinue(tr, this.type.create(attributes));
          return true;
        },
    };
  },
});
