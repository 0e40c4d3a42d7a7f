import { mergeAttributes, Node } from "@tiptap/core";

export interface InfoBoxOptions {
  /**
   * Extra HTML attributes on the box.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    infoBox: {
      /** Wraps the selected blocks in a fact box with the given title. */
      setInfoBox: (attributes?: { title?: string }) => ReturnType;
    };
  }
}

/**
 * A fact box ("Datum, tid och plats") beside the running text. Rendered as a note, not a landmark,
 * so that a page with several boxes does not fill the landmark list.
 */
export const InfoBox = Node.create<InfoBoxOptions>({
  name: "infoBox",
  group: "block",
  content: "paragraph+",
  defining: true,

  addOptions() {
    return { HTMLAttributes: {} };
  },

  addAttributes() {
    return {
      title: {
        default: "Fakta",
        parseHTML: (element) => element.getAttribute("data-title") ?? "Fakta",
        renderHTML: (attributes) => ({ "data-title": attributes.title as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="info-box"]', contentElement: ".info-box__body" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const title = String(node.attrs.title ?? "");
    return [
      "div",
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
        "data-type": "info-box",
        class: "info-box",
        role: "note",
        "aria-label": title,
      }),
      ["p", { class: "info-box__title" }, title],
      ["div", { class: "info-box__body" }, 0],
    ];
  },

  addCommands() {
    return {
      setInfoBox:
        (attributes) =>
        ({ commands }) =>
          commands.wrapIn(this.name, { title: attributes?.title ?? "Fakta" }),
    };
  },
});
