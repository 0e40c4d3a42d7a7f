import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { contentExtensions } from "./extensions";

/**
 * Stored document → HTML for readers and e-mail, without an editor or a DOM. Only the nodes and marks
 * of contentExtensions can appear in the output, and every text is escaped by the serializer.
 */
export function renderDocument(content: JSONContent): string {
  return renderToHTMLString({ content, extensions: contentExtensions });
}
