import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth, formatTime, groupByMonth } from "./format";

describe("Swedish dates", () => {
  it("formats dates as readers write them", () => {
    expect(formatDate("2018-12-02")).toBe("2 december 2018");
    expect(formatDate(new Date("2018-12-01T23:30:00Z"))).toBe("2 december 2018"); // 00.30 in Stockholm
    expect(formatMonth("2019-01-15")).toBe("januari 2019");
  });

  it("writes times with a period and in Stockholm time", () => {
    expect(formatTime("18:00:00")).toBe("18.00");
    expect(formatDateTime(new Date("2026-06-10T12:05:00Z"))).toBe("10 juni 2026 kl. 14.05");
  });

  it("groups a Kalendarium by month in order", () => {
    const groups = groupByMonth(["2018-11-30", "2018-12-02", "2018-12-13", "2019-01-07"], (d) => d);
    expect(groups.map((g) => [g.month, g.items.length])).toEqual([
      ["november 2018", 1],
      ["december 2018", 2],
      ["januari 2019", 1],
    ]);
  });
});
