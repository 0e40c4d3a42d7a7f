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

  it("leaves the hash of a text without a description as it was", () => {
    // The hash of `base` before descriptions existed: approvals of such texts must stay valid.
    const before = "cf4897aa2a0888b75f4e9bd9511d0bc5795402b0a161671a50ea4215d968d03a";
    expect(contentHash(base)).toBe(before);
    expect(contentHash({ ...base, description: null })).toBe(before);
    expect(contentHash({ ...base, description: "" })).toBe(before);
    expect(contentHash({ ...base, description: "  " })).toBe(before);
  });

  it("changes when a description is written or changed", () => {
    const hash = contentHash(base);
    const described = contentHash({ ...base, description: "Så plogar vi." });
    expect(described).not.toBe(hash);
    expect(contentHash({ ...base, description: "Så plogar vi i år." })).not.toBe(described);
    expect(contentHash({ ...base, description: " Så plogar vi. " })).toBe(described);
  });
});
