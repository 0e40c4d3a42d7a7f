import { describe, expect, it } from "vitest";
import { doc, p } from "./build";
import { contentHash, type HashedContent } from "./hash";

const base: HashedContent = { title: "T", lead: "L", body: doc(p("x")), coverMediaId: null, tags: [], byline: [] };

describe("contentHash", () => {
  it("ignores key order", () => {
    const reordered = { byline: [], tags: [], coverMediaId: null, body: { content: [p("x")], type: "doc" }, lead: "L", title: "T" };
    expect(contentHash(reordered)).toBe(contentHash(base));
  });

  it("changes with any visible change", () => {
    const hash = contentHash(base);
    expect(contentHash({ ...base, title: "T2" })).not.toBe(hash);
    expect(contentHash({ ...base, body: doc(p("y")) })).not.toBe(hash);
    expect(contentHash({ ...base, byline: [{ userId: null, name: "A", title: "B" }] })).not.toBe(hash);
  });
});
