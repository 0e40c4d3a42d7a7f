import type { JSONContent } from "@tiptap/core";

/** True when the document contains a node of this type anywhere. */
export function containsNode(node: JSONContent, type: string): boolean {
  return node.type === type || (node.content ?? []).some((child) => containsNode(child, type));
}
