import { describe, expect, it } from "vitest";
import { nextIssueNumber } from "./numbering";

describe("nextIssueNumber", () => {
  it("starts a new year at 1", () => {
    expect(nextIssueNumber([])).toBe(1);
  });

  it("is one past the highest number, whatever the order", () => {
    expect(nextIssueNumber([1, 2, 3])).toBe(4);
    expect(nextIssueNumber([7, 2, 5])).toBe(8);
  });

  it("does not fill gaps: a removed number is not reused mid-year", () => {
    expect(nextIssueNumber([1, 3])).toBe(4);
  });
});
