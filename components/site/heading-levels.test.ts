import { describe, expect, it } from "vitest";
import { doc, h, p } from "@/lib/content/build";
import { withHeadingsFrom } from "./heading-levels";

const levels = (d: ReturnType<typeof doc>) => (d.content ?? []).filter((n) => n.type === "heading").map((n) => n.attrs?.level);

describe("withHeadingsFrom", () => {
  it("lifts an issue article's h3 subheadings to h2 under an article page's h1, keeping their order", () => {
    expect(levels(withHeadingsFrom(doc(h(3, "A"), p("x"), h(4, "B"), h(3, "C")), 2))).toEqual([2, 3, 2]);
  });
  it("lowers headings that would sit beside the title", () => {
    expect(levels(withHeadingsFrom(doc(h(2, "A"), h(3, "B")), 3))).toEqual([3, 4]);
  });
  it("leaves a document without headings, or already right, as it is", () => {
    const plain = doc(p("x"));
    expect(withHeadingsFrom(plain, 2)).toBe(plain);
    const right = doc(h(2, "A"));
    expect(withHeadingsFrom(right, 2)).toBe(right);
  });
});
