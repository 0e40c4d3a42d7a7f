import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { normalizeSpace, urlPayloads, XSS_PAYLOADS } from "@/lib/security/xss-corpus";
import { renderCalendar, type CalendarEvent } from "./ics";
import { absoluteUrl, paths } from "../feeds/urls";

function event(id: string, text: string, link: string | null): CalendarEvent {
  return {
    id,
    title: text,
    startsOn: "2026-12-03",
    startTime: "18:00:00",
    endsOn: null,
    endTime: "21:00:00",
    place: text,
    description: text,
    link,
    cancelled: false,
    updatedAt: new Date("2026-11-01T10:00:00Z"),
  };
}

/** RFC 5545 TEXT as clients read it: ical.js leaves the values of properties it does not know (NAME, X-WR-…) escaped. */
function unescapeText(value: unknown): string {
  return String(value).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents("vevent") };
}

describe("the iCalendar feed with the XSS corpus (read by ical.js)", () => {
  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("payload %i is one event's text, never a property or event of its own", (_, payload) => {
    const text = renderCalendar({ municipalityName: payload, host: "exempelby.example", events: [event("a", payload, payload), event("b", "Loppis", null)] });
    const { calendar, events } = parse(text);
    // A line break that escaped would start a property (or a whole VEVENT) of the payload's choosing.
    expect(events).toHaveLength(2);
    expect(
      calendar
        .getAllProperties()
        .map((property) => property.name)
        .sort(),
    ).toEqual(["method", "name", "prodid", "refresh-interval", "url", "version", "x-published-ttl", "x-wr-calname", "x-wr-caldesc", "x-wr-timezone"].sort());
    expect(normalizeSpace(unescapeText(calendar.getFirstPropertyValue("name")))).toBe(normalizeSpace(`${payload} – kalender`));
    expect(normalizeSpace(unescapeText(calendar.getFirstPropertyValue("x-wr-calname")))).toBe(normalizeSpace(`${payload} – kalender`));
    expect(normalizeSpace(unescapeText(calendar.getFirstPropertyValue("x-wr-caldesc")))).toContain(normalizeSpace(payload));
    const [first] = events;
    for (const name of ["summary", "location", "description"]) {
      expect(normalizeSpace(String(first!.getFirstPropertyValue(name))), name).toBe(normalizeSpace(payload));
    }
    expect(first!.getAllProperties().map((property) => property.name)).not.toContain("x-alt-desc");
  });

  it.each(urlPayloads().map((p) => [p.marker, p.payload] as const))("an event link %i that is not http(s) gives the calendar page instead", (_, link) => {
    const { events } = parse(renderCalendar({ municipalityName: "Exempelby kommun", host: "exempelby.example", events: [event("a", "Loppis", link)] }));
    expect(events[0]!.getFirstPropertyValue("url")).toBe(absoluteUrl(paths.calendar()));
  });

  it("keeps an event's own web address", () => {
    const { events } = parse(
      renderCalendar({ municipalityName: "Exempelby kommun", host: "exempelby.example", events: [event("a", "Loppis", "https://exempelby.example/loppis?dag=2")] }),
    );
    expect(events[0]!.getFirstPropertyValue("url")).toBe("https://exempelby.example/loppis?dag=2");
  });
});
