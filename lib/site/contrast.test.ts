import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, relativeLuminance } from "./contrast";

describe("contrastRatio", () => {
  // Reference values from WebAIM's contrast checker.
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#767676", "#ffffff", 4.54],
    ["#777777", "#ffffff", 4.48],
    ["#ff0000", "#ffffff", 4],
    ["#595959", "#ffffff", 7],
    ["#808080", "#ffffff", 3.95],
    ["#0000ff", "#ffffff", 8.59],
  ])("%s against %s is %f:1", (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 2);
  });

  it("is the same in either order", () => {
    expect(contrastRatio("#ffffff", "#1f4e79")).toBe(contrastRatio("#1f4e79", "#ffffff"));
  });

  it("accepts upper-case hex and refuses anything else", () => {
    expect(relativeLuminance("#FFFFFF")).toBe(1);
    expect(() => relativeLuminance("red")).toThrow();
    expect(() => relativeLuminance("#fff")).toThrow();
  });
});

describe("formatRatio", () => {
  it("writes a Swedish decimal comma and never rounds up past the limit", () => {
    expect(formatRatio(4.48)).toBe("4,4:1");
    expect(formatRatio(4.499)).toBe("4,4:1");
    expect(formatRatio(21)).toBe("21,0:1");
  });
});
