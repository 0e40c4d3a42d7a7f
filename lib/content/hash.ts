import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type { Byline } from "@/db/schema";
import { normalizeDescription } from "./description";

export type HashedContent = {
  title: string;
  lead: string;
  /** Optional, so callers that never had one hash as before. */
  description?: string | null;
  body: JSONContent;
  coverMediaId: string | null;
  tags: readonly string[];
  byline: readonly Byline[];
};

/** JSON with sorted keys, so that the same content always hashes the same whatever the key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash an approval is bound to: any change to what readers would see changes it. A description
 * counts only when one is written: texts approved before descriptions existed keep their hashes, so
 * their approvals stay valid and saving them unchanged makes no new version.
 */
export function contentHash(content: HashedContent): string {
  const { description, ...rest } = content;
  const written = normalizeDescription(description);
  return createHash("sha256")
    .update(canonical(written === null ? rest : { ...rest, description: written }))
    .digest("hex");
}
