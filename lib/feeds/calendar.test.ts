import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { renderCalendar, type CalendarEvent } from "./calendar";

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
  { ...base, id: "winter", title: "Kommunfullmäktige", startsOn: "2026-12-03", startTime: "18:00:00", endTime: "21:00:00", place: "Kulturhuset, Stora salen", description: "Öppet möte; alla välkomna.", link: "https://exempelby.example/kf" },
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
