import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderCalendar, type CalendarEvent } from "./ics";

const base: Omit<CalendarEvent, "id" | "title" | "startsOn"> = {
  startTime: null,
  endsOn: null,
  endTime: null,
  place: "",
  description: "",
  link: null,
  cancelled: false,
  updatedAt: new Date("2026-11-01T10:00:00Z"),
};

const sample: CalendarEvent[] = [
  {
    ...base,
    id: "winter",
    title: "Kommunfullmäktige",
    startsOn: "2026-12-03",
    startTime: "18:00:00",
    endTime: "21:00:00",
    place: "Kulturhuset, Stora salen",
    description: "Öppet möte; alla välkomna.",
    link: "https://exempelby.example/kf",
  },
  { ...base, id: "summer", title: "Midsommar", startsOn: "2026-06-19", startTime: "18:00:00" },
  { ...base, id: "allday", title: "Sportlov", startsOn: "2027-02-22", endsOn: "2027-02-26" },
  { ...base, id: "daily", title: "Simskola", startsOn: "2026-12-07", endsOn: "2026-12-11", startTime: "09:00:00", endTime: "10:00:00" },
  { ...base, id: "cancelled", title: "Föreläsning", startsOn: "2026-12-10", startTime: "14:00:00", endTime: "15:30:00", cancelled: true },
];

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = new Map(calendar.getAllSubcomponents("vevent").map((c) => [String(c.getFirstPropertyValue("uid")), new ICAL.Event(c)]));
  return { calendar, events };
}

describe("the iCalendar feed", () => {
  const text = renderCalendar({ municipalityName: "Exempelby kommun", host: "exempelby.example", events: sample });
  const { events } = parse(text);

  it("writes timed events in Stockholm time with its VTIMEZONE, right in winter and in summer", () => {
    expect(text).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Stockholm");
    expect(text).toContain("DTSTART;TZID=Europe/Stockholm:20261203T180000");
    expect(events.get("winter@exempelby.example")!.startDate.toJSDate().toISOString()).toBe("2026-12-03T17:00:00.000Z");
    expect(events.get("summer@exempelby.example")!.startDate.toJSDate().toISOString()).toBe("2026-06-19T16:00:00.000Z");
    expect(events.get("winter@exempelby.example")!.endDate.toJSDate().toISOString()).toBe("2026-12-03T20:00:00.000Z");
  });

  it("does not depend on the server's own time zone", () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(renderCalendar({ municipalityName: "X", host: "h", events: sample })).toContain("DTSTART;TZID=Europe/Stockholm:20261203T180000");
    } finally {
      process.env.TZ = original;
    }
  });

  it("writes all-day events as dates with an exclusive end", () => {
    expect(text).toContain("DTSTART;VALUE=DATE:20270222");
    expect(text).toContain("DTEND;VALUE=DATE:20270227");
    expect(events.get("allday@exempelby.example")!.startDate.isDate).toBe(true);
  });

  it("repeats a timed event over several days every day", () => {
    const event = events.get("daily@exempelby.example")!;
    expect(event.isRecurring()).toBe(true);
    expect(text).toContain("RRULE:FREQ=DAILY;COUNT=5");
  });

  it("marks a cancelled event as cancelled, in the status and in the title", () => {
    const event = events.get("cancelled@exempelby.example")!;
    expect(event.summary).toBe("Inställt: Föreläsning");
    expect(event.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events.get("winter@exempelby.example")!.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
  });

  it("carries place, description, link and a UTC time stamp", () => {
    const event = events.get("winter@exempelby.example")!;
    expect(event.location).toBe("Kulturhuset, Stora salen");
    expect(event.description).toBe("Öppet möte; alla välkomna.");
    expect(event.component.getFirstPropertyValue("url")).toBe("https://exempelby.example/kf");
    expect(text).toMatch(/DTSTAMP:20261101T100000Z/);
    expect(text).toMatch(/LAST-MODIFIED:20261101T100000Z/);
  });
});

describe("a recurring event in the feed", () => {
  const weekly: CalendarEvent = {
    ...base,
    id: "cafe",
    title: "Språkcafé",
    startsOn: "2027-03-16",
    startTime: "10:00:00",
    endTime: "12:00:00",
    recurrence: "FREQ=WEEKLY;INTERVAL=1;COUNT=4",
    changes: [
      { eventId: "cafe", occursOn: "2027-03-23", cancelled: true, startsOn: null, startTime: null, endsOn: null, endTime: null },
      { eventId: "cafe", occursOn: "2027-03-30", cancelled: false, startsOn: "2027-03-31", startTime: "13:00:00", endsOn: null, endTime: "15:00:00" },
    ],
  };
  const allDay: CalendarEvent = {
    ...base,
    id: "lov",
    title: "Lovdag",
    startsOn: "2027-01-04",
    recurrence: "FREQ=MONTHLY;INTERVAL=1;UNTIL=20270401",
    changes: [{ eventId: "lov", occursOn: "2027-02-04", cancelled: true, startsOn: null, startTime: null, endsOn: null, endTime: null }],
  };
  const text = renderCalendar({ municipalityName: "Exempelby kommun", host: "exempelby.example", events: [weekly, allDay] });
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const components = calendar.getAllSubcomponents("vevent");

  /** The occurrences as a calendar client shows them: the series expanded, exceptions applied. */
  function occurrences(uid: string) {
    const mine = components.filter((c) => c.getFirstPropertyValue("uid") === uid);
    const master = new ICAL.Event(mine.find((c) => !c.hasProperty("recurrence-id"))!);
    for (const exception of mine.filter((c) => c.hasProperty("recurrence-id"))) master.relateException(exception);
    const iterator = master.iterator();
    const result: { start: string; status: string; summary: string }[] = [];
    for (let next = iterator.next(); next && result.length < 20; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      result.push({ start: details.startDate.toJSDate().toISOString(), status: String(details.item.component.getFirstPropertyValue("status")), summary: details.item.summary });
    }
    return result;
  }

  it("is sent once, with its RRULE, and its changed occurrences under RECURRENCE-ID", () => {
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4");
    expect(text).toContain("RECURRENCE-ID;TZID=Europe/Stockholm:20270323T100000");
    expect(text).toContain("RECURRENCE-ID;TZID=Europe/Stockholm:20270330T100000");
    expect(components.filter((c) => c.getFirstPropertyValue("uid") === "cafe@exempelby.example")).toHaveLength(3);
  });

  it("reads in ical.js as four occurrences at 10:00 Stockholm time across the change to summer time, one cancelled, one moved", () => {
    expect(occurrences("cafe@exempelby.example")).toEqual([
      { start: "2027-03-16T09:00:00.000Z", status: "CONFIRMED", summary: "Språkcafé" },
      { start: "2027-03-23T09:00:00.000Z", status: "CANCELLED", summary: "Inställt: Språkcafé" },
      // 28 March starts summer time: 10:00 is 08:00 UTC from then on.
      { start: "2027-03-31T11:00:00.000Z", status: "CONFIRMED", summary: "Språkcafé" },
      { start: "2027-04-06T08:00:00.000Z", status: "CONFIRMED", summary: "Språkcafé" },
    ]);
  });

  it("writes an all-day series and its cancelled day as dates", () => {
    expect(text).toContain("RRULE:FREQ=MONTHLY;INTERVAL=1;UNTIL=20270401");
    expect(text).toMatch(/RECURRENCE-ID;VALUE=DATE:20270204/);
    expect(occurrences("lov@exempelby.example").map((o) => [o.start.slice(0, 10), o.status])).toEqual([
      ["2027-01-04", "CONFIRMED"],
      ["2027-02-04", "CANCELLED"],
      // UNTIL=20270401: April's 4th is past it.
      ["2027-03-04", "CONFIRMED"],
    ]);
  });
});
