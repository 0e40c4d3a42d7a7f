import { describe, expect, it } from "vitest";
import { articleAddress, issueAddress, paths } from "./urls";

describe("issue and article addresses", () => {
  it("read back what paths.issue and paths.article write", () => {
    const [, , year, number, slug] = paths.article(2026, 11, "det-vi-bygger").split("/");
    expect(articleAddress.parse({ year, number, slug })).toEqual({ year: 2026, number: 11, slug: "det-vi-bygger" });
    expect(issueAddress.parse({ year: "2026", number: "11" })).toEqual({ year: 2026, number: 11 });
  });

  it("refuse malformed addresses before any database query", () => {
    expect(issueAddress.safeParse({ year: "tjugo", number: "1" }).success).toBe(false);
    expect(issueAddress.safeParse({ year: "2026", number: "0" }).success).toBe(false);
    expect(articleAddress.safeParse({ year: "2026", number: "1", slug: "x".repeat(10_000) }).success).toBe(false);
    expect(articleAddress.safeParse({ year: "2026", number: "1", slug: "" }).success).toBe(false);
  });
});
