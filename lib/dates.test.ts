import { describe, expect, it } from "vitest";
import { stockholmLocalToUtc, utcToStockholmLocal } from "./dates";

describe("Stockholm wall-clock time ↔ UTC", () => {
  it.each([
    ["2026-12-01T08:00", "2026-12-01T07:00:00.000Z"], // winter, UTC+1
    ["2026-07-01T08:00", "2026-07-01T06:00:00.000Z"], // summer, UTC+2
    ["2026-03-29T03:30", "2026-03-29T01:30:00.000Z"], // just after summer time starts
    ["2026-10-25T01:59", "2026-10-24T23:59:00.000Z"],
  ])("%s in Stockholm is %s", (local, utc) => {
    expect(stockholmLocalToUtc(local)?.toISOString()).toBe(utc);
    expect(utcToStockholmLocal(new Date(utc))).toBe(local);
  });

  it("refuses a time that does not exist and malformed input", () => {
    expect(stockholmLocalToUtc("2026-03-29T02:30")).toBeNull();
    expect(stockholmLocalToUtc("2026-13-01T08:00")).toBeNull();
    expect(stockholmLocalToUtc("imorgon")).toBeNull();
  });
});
