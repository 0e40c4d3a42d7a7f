import type { JSONContent } from "@tiptap/core";
import { renderDocument } from "@/lib/content/render";

/** A stored document as HTML. Safe to inject: renderDocument builds it from the schema, escaping all text. */
export function RichText({ content, className = "" }: { content: JSONContent; className?: string }) {
  return <div className={`rich-text ${className}`} dangerouslySetInnerHTML={{ __html: renderDocument(content) }} />;
}
