"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";

export type ToolbarAction = "link" | "image" | "infoBox" | "signature";

type Button = { label: string; shortcut?: string; icon: React.ReactNode; run: () => void; active?: boolean; disabled?: boolean };

// Drawn, not emoji: emoji glyphs are missing from many office machines' fonts.
const svgProps = { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;
const LINK_ICON = (
  <svg {...svgProps}>
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </svg>
);
const IMAGE_ICON = (
  <svg {...svgProps}>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <circle cx="9" cy="9" r="2" />
    <path d="m21 15-5-5L5 21" />
  </svg>
);

function ToolButton({ button }: { button: Button }) {
  return (
    <button
      type="button"
      aria-label={button.label}
      title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
      aria-pressed={button.active === undefined ? undefined : button.active}
      disabled={button.disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={button.run}
      className="min-w-9 rounded px-2 py-1 text-sm font-semibold hover:bg-gray-200 aria-pressed:bg-brand aria-pressed:text-white disabled:opacity-40"
    >
      <span aria-hidden="true" className="inline-flex items-center justify-center">
        {button.icon}
      </span>
    </button>
  );
}

/** The formatting toolbar: every button named in Swedish, its shortcut in the tooltip. */
export function Toolbar({ editor, onAction }: { editor: Editor; onAction: (action: ToolbarAction) => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const groups: Button[][] = [
    [
      { label: "Ångra", shortcut: "Ctrl+Z", icon: "↶", run: () => chain().undo().run(), disabled: !state.canUndo },
      { label: "Gör om", shortcut: "Ctrl+Shift+Z", icon: "↷", run: () => chain().redo().run(), disabled: !state.canRedo },
    ],
    [
      { label: "Fetstil", shortcut: "Ctrl+B", icon: "B", run: () => chain().toggleBold().run(), active: state.bold },
      { label: "Kursiv", shortcut: "Ctrl+I", icon: "I", run: () => chain().toggleItalic().run(), active: state.italic },
      { label: "Länk", shortcut: "Ctrl+K", icon: LINK_ICON, run: () => onAction("link"), active: state.link },
    ],
    [
      { label: "Rubrik 2", shortcut: "Ctrl+Alt+2", icon: "H2", run: () => chain().toggleHeading({ level: 2 }).run(), active: state.h2 },
      { label: "Rubrik 3", shortcut: "Ctrl+Alt+3", icon: "H3", run: () => chain().toggleHeading({ level: 3 }).run(), active: state.h3 },
      { label: "Rubrik 4", shortcut: "Ctrl+Alt+4", icon: "H4", run: () => chain().toggleHeading({ level: 4 }).run(), active: state.h4 },
      { label: "Punktlista", shortcut: "Ctrl+Shift+8", icon: "•", run: () => chain().toggleBulletList().run(), active: state.bulletList },
      { label: "Numrerad lista", shortcut: "Ctrl+Shift+7", icon: "1.", run: () => chain().toggleOrderedList().run(), active: state.orderedList },
      { label: "Citat", shortcut: "Ctrl+Shift+B", icon: "❝", run: () => chain().toggleBlockquote().run(), active: state.blockquote },
      { label: "Avdelare", icon: "―", run: () => chain().setHorizontalRule().run() },
    ],
    [
      { label: "Bild", icon: IMAGE_ICON, run: () => onAction("image") },
      { label: "Faktaruta", icon: "ℹ", run: () => onAction("infoBox") },
      { label: "Fråga och svar", icon: "F/S", run: () => chain().insertQa().run() },
      { label: "Signatur", icon: "✍", run: () => onAction("signature") },
      { label: "Tabell", icon: "▦", run: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
    ],
  ];
  return (
    <div role="toolbar" aria-label="Formatering" className="sticky top-0 z-10 flex flex-wrap gap-1 border-b border-gray-300 bg-white p-1">
      {groups.map((group, index) => (
        <div key={index} className="flex gap-0.5 border-r border-gray-200 pr-1 last:border-r-0">
          {group.map((button) => (
            <ToolButton key={button.label} button={button} />
          ))}
        </div>
      ))}
    </div>
  );
}
