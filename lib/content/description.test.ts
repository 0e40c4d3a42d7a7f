import { describe, expect, it } from "vitest";
import { normalizeDescription, summaryOf } from "./description";

describe("normalizeDescription", () => {
  it("treats blank as none and trims the rest", () => {
    expect(normalizeDescription(null)).toBeNull();
    expect(normalizeDescription(undefined)).toBeNull();
    expect(normalizeDescription("  \n ")).toBeNull();
    expect(normalizeDescription("  Om snöröjningen. ")).toBe("Om snöröjningen.");
  });
});

describe("summaryOf", () => {
  it("shows the description when there is one, else the lead", () => {
    expect(summaryOf({ description: "Så plogar vi.", lead: "Ingressen." })).toBe("Så plogar vi.");
    expect(summaryOf({ description: null, lead: "Ingressen." })).toBe("Ingressen.");
    expect(summaryOf({ description: " ", lead: "Ingressen." })).toBe("Ingressen.");
  });
});
