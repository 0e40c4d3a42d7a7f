"use client";

import { Extension, type Editor, type Range } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import { ReactRenderer } from "@tiptap/react";
import Suggestion, { type SuggestionKeyDownProps, type SuggestionProps } from "@tiptap/suggestion";
import { forwardRef, useImperativeHandle, useState } from "react";
import { filterSlashItems, type SlashItem } from "./slash-items";
import type { ToolbarAction } from "./toolbar";

type MenuProps = { items: SlashItem[]; command: (item: SlashItem) => void };
type MenuHandle = { onKeyDown: (event: KeyboardEvent) => boolean };

const SlashMenuList = forwardRef<MenuHandle, MenuProps>(function SlashMenuList({ items, command }, ref) {
  const [active, setActive] = useState(0);
  const [lastItems, setLastItems] = useState(items);
  if (lastItems !== items) {
    setLastItems(items);
    setActive(0);
  }
  useImperativeHandle(ref, () => ({
    onKeyDown: (event) => {
      if (event.key === "ArrowDown") setActive((i) => (i + 1) % Math.max(items.length, 1));
      else if (event.key === "ArrowUp") setActive((i) => (i - 1 + items.length) % Math.max(items.length, 1));
      else if (event.key === "Enter" && items[active]) command(items[active]);
      else return false;
      return true;
    },
  }));
  if (items.length === 0) return <div className="rounded border border-gray-300 bg-white p-2 text-sm shadow">Inget block heter så.</div>;
  return (
    <ul role="listbox" aria-label="Infoga block" className="max-h-72 w-56 overflow-auto rounded border border-gray-300 bg-white py-1 text-sm shadow-lg">
      {items.map((item, index) => (
        <li
          key={item.title}
          role="option"
          aria-selected={index === active}
          className="cursor-pointer px-3 py-1.5 aria-selected:bg-brand aria-selected:text-white"
          onMouseDown={(event) => {
            event.preventDefault();
            command(item);
          }}
        >
          {item.title}
        </li>
      ))}
    </ul>
  );
});

/** Typing "/" at the start of a line opens a menu of blocks to insert. */
export function createSlashMenu(openDialog: { current: (action: ToolbarAction) => void }) {
  return Extension.create({
    name: "slashMenu",
    addProseMirrorPlugins() {
      return [
        Suggestion<SlashItem, SlashItem>({
          editor: this.editor,
          pluginKey: new PluginKey("slashMenu"),
          char: "/",
          startOfLine: true,
          items: ({ query }) => filterSlashItems(query),
          command: ({ editor, range, props }: { editor: Editor; range: Range; props: SlashItem }) => props.run(editor, range, (action) => openDialog.current(action)),
          render: () => {
            let renderer: ReactRenderer<MenuHandle, MenuProps> | undefined;
            let host: HTMLDivElement | undefined;
            const place = (props: SuggestionProps<SlashItem, SlashItem>) => {
              const rect = props.clientRect?.();
              if (!rect || !host) return;
              host.style.left = `${rect.left + window.scrollX}px`;
              host.style.top = `${rect.bottom + window.scrollY + 4}px`;
            };
            return {
              onStart: (props) => {
                renderer = new ReactRenderer(SlashMenuList, { props: { items: props.items, command: props.command }, editor: props.editor });
                host = document.createElement("div");
                host.style.position = "absolute";
                host.style.zIndex = "50";
                host.appendChild(renderer.element);
                document.body.appendChild(host);
                place(props);
              },
              onUpdate: (props) => {
                renderer?.updateProps({ items: props.items, command: props.command });
                place(props);
              },
              onKeyDown: ({ event }: SuggestionKeyDownProps) => {
                if (event.key === "Escape") {
                  host?.remove();
                  return true;
                }
                return renderer?.ref?.onKeyDown(event) ?? false;
              },
              onExit: () => {
                host?.remove();
                renderer?.destroy();
              },
            };
          },
        }),
      ];
    },
  });
}
