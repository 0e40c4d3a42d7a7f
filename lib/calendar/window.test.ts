import { describe, expect, it } from "vitest";
import { defaultCalendarWindow, defaultIssueYear, isCalendarDate } from "./window";

describe("defaultCalendarWindow", () => {
  it("covers the whole month after the one the issue is created in", () => {
    expect(defaultCalendarWindow(new Date("2026-11-23T10:00:00Z"))).toEqual({ calendarFrom: "2026-12-01", calendarTo: "2026-12-31" });
    expect(defaultCalendarWindow(new Date("2026-01-31T10:00:00Z"))).toEqual({ calendarFrom: "2026-02-01", calendarTo: "2026-02-28" });
    expect(defaultCalendarWindow(new Date("2028-01-15T10:00:00Z"))).toEqual({ calendarFrom: "2028-02-01", calendarTo: "2028-02-29" });
  });

  it("rolls over to January of the next year in December", () => {
    expect(defaultCalendarWindow(new Date("2026-12-10T10:00:00Z"))).toEqual({ calendarFrom: "2027-01-01", calendarTo: "2027-01-31" });
    expect(defaultIssueYear(new Date("2026-12-10T10:00:00Z"))).toBe(2027);
  });

  it("uses the Stockholm date, not UTC: late on 31 October UTC is already November in Sweden", () => {
    expect(defaultCalendarWindow(new Date("2026-10-31T23:30:00Z")).calendarFrom).toBe("2026-12-01");
  });
});

describe("isCalendarDate", () => {
  it("accepts real dates and rejects impossible ones", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-2-3")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });
});
