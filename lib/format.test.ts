import { describe, expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatMonth, formatTime, formatWhen, groupByMonth } from "./format";

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

describe("times for staff", () => {
  const now = new Date("2026-07-01T10:00:00Z");

  it("writes the time of day in Stockholm, summer and winter, whatever the machine's zone", () => {
    expect(formatClock(new Date("2026-07-01T19:35:00Z"))).toBe("21.35");
    expect(formatClock(new Date("2026-12-02T21:35:00Z"))).toBe("22.35");
    expect(formatClock(new Date("2026-12-02T23:05:00Z"))).toBe("00.05");
  });

  it("leaves out the date today, the year this year, and keeps both otherwise", () => {
    expect(formatWhen(new Date("2026-07-01T06:15:00Z"), now)).toBe("kl. 08.15");
    expect(formatWhen(new Date("2026-06-30T21:59:00Z"), now)).toBe("30 juni kl. 23.59");
    expect(formatWhen(new Date("2026-06-30T22:01:00Z"), now)).toBe("kl. 00.01");
    expect(formatWhen(new Date("2025-12-02T13:05:00Z"), now)).toBe("2 december 2025 kl. 14.05");
  });
});
