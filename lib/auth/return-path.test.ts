import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/redaktion", "/redaktion"],
    ["/redaktion/texter?status=draft", "/redaktion/texter?status=draft"],
    ["https://evil.example/redaktion", "/redaktion"],
    ["//evil.example", "/redaktion"],
    ["/redaktion//evil.example", "/redaktion"],
    ["/redaktion/../api", "/redaktion"],
    ["/", "/redaktion"],
    [undefined, "/redaktion"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
