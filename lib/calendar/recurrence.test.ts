import { describe, expect, it } from "vitest";
import { expandEvents, type EventRow } from "./occurrences";
import { allRuleDates, buildRule, describeRule, isRuleDate, readRule, ruleDates, stockholmInstant } from "./recurrence";

const event = (over: Partial<EventRow>): EventRow => ({
  id: "e",
  title: "Språkcafé",
  startsOn: "2027-03-14",
  startTime: "10:00:00",
  endsOn: null,
  endTime: "12:00:00",
  place: "",
  description: "",
  link: null,
  cancelled: false,
  recurrence: null,
  ...over,
});

describe("buildRule and readRule", () => {
  it("writes the form's choices as RFC 5545, UNTIL the last second of the day in UTC for a timed event", () => {
    // 1 March 2027 is winter time (UTC+1): 23:59:59 there is 22:59:59Z.
    expect(buildRule({ repeat: "biweekly", ends: "until", until: "2027-03-01" }, { startsOn: "2026-12-07", startTime: "18:00" })).toBe(
      "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T225959Z",
    );
    // In summer time (UTC+2) the same moment is 21:59:59Z.
    expect(buildRule({ repeat: "weekly", ends: "until", until: "2027-06-30" }, { startsOn: "2027-06-01", startTime: "18:00" })).toBe(
      "FREQ=WEEKLY;INTERVAL=1;UNTIL=20270630T215959Z",
    );
    expect(buildRule({ repeat: "monthly", ends: "count", count: 6 }, { startsOn: "2027-01-15", startTime: null })).toBe("FREQ=MONTHLY;INTERVAL=1;COUNT=6");
    expect(buildRule({ repeat: "weekly", ends: "until", until: "2027-03-01" }, { startsOn: "2027-01-04", startTime: null })).toBe("FREQ=WEEKLY;INTERVAL=1;UNTIL=20270301");
  });

  it("reads a rule back as the choices that made it, and in words", () => {
    expect(readRule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T225959Z")).toEqual({ repeat: "biweekly", ends: "until", until: "2027-03-01" });
    expect(readRule("FREQ=WEEKLY;INTERVAL=1;UNTIL=20270630T215959Z")).toEqual({ repeat: "weekly", ends: "until", until: "2027-06-30" });
    expect(readRule("FREQ=WEEKLY;INTERVAL=1;UNTIL=20270301")).toEqual({ repeat: "weekly", ends: "until", until: "2027-03-01" });
    expect(readRule("FREQ=MONTHLY;COUNT=6")).toEqual({ repeat: "monthly", ends: "count", count: 6 });
    expect(readRule(null)).toBeNull();
    expect(describeRule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T225959Z")).toBe("Varannan vecka till och med 1 mars 2027");
    expect(describeRule("FREQ=MONTHLY;COUNT=6")).toBe("Varje månad, 6 gånger");
    expect(describeRule("FREQ=DAILY;COUNT=3")).toBe("Upprepas");
  });
});

describe("expansion across daylight saving time", () => {
  const rule = "FREQ=WEEKLY;INTERVAL=1;COUNT=3";

  it("keeps a weekly 10:00 event at 10:00 local time over the last Sunday of March", () => {
    // 28 March 2027 is the last Sunday of March: summer time starts at 02:00.
    const start = { startsOn: "2027-03-21", startTime: "10:00:00" };
    expect(ruleDates(rule, start, { from: "2027-03-01", to: "2027-04-30" })).toEqual(["2027-03-21", "2027-03-28", "2027-04-04"]);
    const instants = ["2027-03-21", "2027-03-28", "2027-04-04"].map((d) => stockholmInstant(d, "10:00")!.toISOString());
    expect(instants).toEqual(["2027-03-21T09:00:00.000Z", "2027-03-28T08:00:00.000Z", "2027-04-04T08:00:00.000Z"]);
    const occurrences = expandEvents([event({ ...start, recurrence: rule })], [], { from: "2027-03-01", to: "2027-04-30" });
    expect(occurrences.map((o) => `${o.startsOn} ${o.startTime}`)).toEqual(["2027-03-21 10:00:00", "2027-03-28 10:00:00", "2027-04-04 10:00:00"]);
  });

  it("and over the last Sunday of October, also for an event in the night hours the change repeats", () => {
    // 31 October 2027: 03:00 summer time becomes 02:00 winter time.
    const start = { startsOn: "2027-10-24", startTime: "02:30:00" };
    expect(ruleDates(rule, start, { from: "2027-10-01", to: "2027-11-30" })).toEqual(["2027-10-24", "2027-10-31", "2027-11-07"]);
    expect(stockholmInstant("2027-10-24", "10:00")!.toISOString()).toBe("2027-10-24T08:00:00.000Z");
    expect(stockholmInstant("2027-10-31", "10:00")!.toISOString()).toBe("2027-10-31T09:00:00.000Z");
  });

  it("does not depend on the server's own time zone", () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(ruleDates(rule, { startsOn: "2027-03-21", startTime: "23:30:00" }, { from: "2027-03-01", to: "2027-04-30" })).toEqual(["2027-03-21", "2027-03-28", "2027-04-04"]);
    } finally {
      process.env.TZ = original;
    }
  });
});

describe("expansion at the Stockholm year boundary", () => {
  it("keeps an event at 23:30 on 31 December on that date (22:30 UTC, still the old year)", () => {
    const rule = buildRule({ repeat: "weekly", ends: "until", until: "2027-01-07" }, { startsOn: "2026-12-24", startTime: "23:30" });
    expect(rule).toBe("FREQ=WEEKLY;INTERVAL=1;UNTIL=20270107T225959Z");
    const start = { startsOn: "2026-12-24", startTime: "23:30:00" };
    expect(allRuleDates(rule, start)).toEqual(["2026-12-24", "2026-12-31", "2027-01-07"]);
    expect(stockholmInstant("2026-12-31", "23:30")!.toISOString()).toBe("2026-12-31T22:30:00.000Z");
  });

  it("runs a weekly rule across new year, and the window's year ends on 31 December", () => {
    const start = { startsOn: "2026-12-17", startTime: "18:00:00" };
    const rule = "FREQ=WEEKLY;INTERVAL=1;COUNT=5";
    expect(ruleDates(rule, start, { from: "2026-12-01", to: "2026-12-31" })).toEqual(["2026-12-17", "2026-12-24", "2026-12-31"]);
    expect(ruleDates(rule, start, { from: "2027-01-01", to: "2027-01-31" })).toEqual(["2027-01-07", "2027-01-14"]);
  });

  it("a monthly rule from 31 December skips months without a 31st, as RFC 5545 says", () => {
    expect(allRuleDates("FREQ=MONTHLY;COUNT=3", { startsOn: "2026-12-31", startTime: "23:30:00" })).toEqual(["2026-12-31", "2027-01-31", "2027-03-31"]);
  });

  it("knows which dates are the rule's", () => {
    const start = { startsOn: "2026-12-24", startTime: "23:30:00" };
    expect(isRuleDate("FREQ=WEEKLY;COUNT=3", start, "2026-12-31")).toBe(true);
    expect(isRuleDate("FREQ=WEEKLY;COUNT=3", start, "2027-01-01")).toBe(false);
  });
});

describe("expandEvents", () => {
  const weekly = event({ startsOn: "2027-01-05", recurrence: "FREQ=WEEKLY;INTERVAL=1;COUNT=4" });

  it("applies a cancelled and a moved occurrence and leaves the rest alone", () => {
    const list = expandEvents(
      [weekly, event({ id: "single", title: "Loppis", startsOn: "2027-01-13", startTime: null, endTime: null })],
      [
        { eventId: "e", occursOn: "2027-01-12", cancelled: true, startsOn: null, startTime: null, endsOn: null, endTime: null },
        { eventId: "e", occursOn: "2027-01-19", cancelled: false, startsOn: "2027-01-20", startTime: "13:00:00", endsOn: null, endTime: "15:00:00" },
      ],
      { from: "2027-01-01", to: "2027-01-31" },
    );
    expect(list.map((o) => [o.title, o.startsOn, o.startTime, o.cancelled, o.moved])).toEqual([
      ["Språkcafé", "2027-01-05", "10:00:00", false, false],
      ["Språkcafé", "2027-01-12", "10:00:00", true, false],
      ["Loppis", "2027-01-13", null, false, false],
      ["Språkcafé", "2027-01-20", "13:00:00", false, true],
      ["Språkcafé", "2027-01-26", "10:00:00", false, false],
    ]);
  });

  it("brings in an occurrence moved into the window from outside it", () => {
    const list = expandEvents([weekly], [{ eventId: "e", occursOn: "2027-01-26", cancelled: false, startsOn: "2027-02-02", startTime: null, endsOn: null, endTime: null }], {
      from: "2027-02-01",
      to: "2027-02-28",
    });
    expect(list.map((o) => [o.occursOn, o.startsOn])).toEqual([["2027-01-26", "2027-02-02"]]);
  });

  it("caps the expansion", () => {
    const daily = event({ recurrence: "FREQ=WEEKLY;COUNT=200" });
    expect(expandEvents([daily], [], { from: "2027-01-01", to: "2030-12-31" }, 10)).toHaveLength(10);
  });
});
