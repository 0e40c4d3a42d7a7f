import { describe, expect, it } from "vitest";
import { isPlainSegment, isTextSlug } from "./route-params";

describe("isPlainSegment", () => {
  it("takes ordinary segments, Swedish letters included", () => {
    expect(isPlainSegment("kommunchefen", 100)).toBe(true);
    expect(isPlainSegment("samhällsbyggnad", 100)).toBe(true);
    expect(isPlainSegment("a".repeat(100), 100)).toBe(true);
  });

  it("refuses empty, too long, control characters and lone surrogates", () => {
    expect(isPlainSegment("", 100)).toBe(false);
    expect(isPlainSegment("a".repeat(101), 100)).toBe(false);
    expect(isPlainSegment("skola\u0000", 100)).toBe(false);
    expect(isPlainSegment("rad\nbrytning", 100)).toBe(false);
    expect(isPlainSegment("\u0085", 100)).toBe(false);
    expect(isPlainSegment("\ud800", 100)).toBe(false);
  });
});

describe("isTextSlug", () => {
  it("takes the slugs the editor saves and nothing else", () => {
    expect(isTextSlug("tankar-infor-budgetarbetet")).toBe(true);
    expect(isTextSlug("text-2")).toBe(true);
    for (const other of ["", "Stora", "å", "a--b", "-a", "a b", "a%00", "\u0000", "a".repeat(81)]) expect(isTextSlug(other), other).toBe(false);
  });
});
