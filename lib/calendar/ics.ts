import ical, { escape, ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus, type ICalEventData } from "ical-generator";
import { absoluteUrl, paths, webLink } from "../feeds/urls";
import type { FrozenEvent } from "@/db/schema";
import type { OccurrenceChange } from "@/lib/calendar/occurrences";

export const CALENDAR_TIME_ZONE = "Europe/Stockholm";

/** How far back the feed reaches, so a subscriber's calendar keeps last month's events. */
export const CALENDAR_PAST_DAYS = 30;

/**
 * Europe/Stockholm as the EU has defined it since 1996 (summer time from the last Sunday of March
 * 02:00 to the last Sunday of October 03:00). Google, Outlook and Apple all read a VTIMEZONE; Outlook
 * in particular needs one for a TZID it does not know by that name.
 */
const STOCKHOLM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "X-LIC-LOCATION:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

/**
 * An event as the feed needs it: the Kalendarium's fields, plus what makes a stable UID and DTSTAMP;
 * a recurring one also its RRULE value and the occurrences that differ from it.
 */
export type CalendarEvent = FrozenEvent & { id: string; updatedAt: Date; recurrence?: string | null; changes?: readonly OccurrenceChange[] };

function dateParts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m, d];
}

function timeParts(time: string): [number, number] {
  const [h, mi] = time.split(":").map(Number) as [number, number];
  return [h, mi];
}

/** A calendar date for an all-day event: ical-generator writes these with UTC getters (no zone set). */
function utcDay(date: string, plusDays = 0): Date {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d + plusDays));
}

/**
 * A Stockholm wall-clock time for an event that has `timezone` set: ical-generator then writes the
 * Date's local fields after TZID=Europe/Stockholm, so the Date is built from those same local fields
 * and the server's own time zone never enters into it.
 */
function wallClock(date: string, time: string, plusDays = 0): Date {
  const [y, m, d] = dateParts(date);
  const [h, mi] = timeParts(time);
  return new Date(y, m - 1, d + plusDays, h, mi);
}

function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}

/**
 * When the event happens, in iCalendar terms. All-day events are DATE values with an exclusive end.
 * A timed event over several days whose end time is later than its start time ("2–6 december
 * kl. 9–10", as the Kalendarium prints it) happens every day: a daily rule. Otherwise it is one
 * continuous span (a festival from Friday evening to Sunday afternoon).
 */
function timing(event: FrozenEvent): Pick<ICalEventData, "start" | "end" | "allDay" | "timezone" | "repeating"> {
  const lastDay = event.endsOn && event.endsOn > event.startsOn ? event.endsOn : event.startsOn;
  if (!event.startTime) {
    return { allDay: true, start: utcDay(event.startsOn), end: utcDay(lastDay, 1) };
  }
  const start = wallClock(event.startsOn, event.startTime);
  const days = daysBetween(event.startsOn, lastDay) + 1;
  if (!event.endTime) {
    return { timezone: CALENDAR_TIME_ZONE, start, end: days > 1 ? wallClock(lastDay, "00:00", 1) : undefined };
  }
  if (days > 1 && event.endTime > event.startTime) {
    return {
      timezone: CALENDAR_TIME_ZONE,
      start,
      end: wallClock(event.startsOn, event.endTime),
      repeating: { freq: ICalEventRepeatingFreq.DAILY, count: days },
    };
  }
  const endDay = days === 1 && event.endTime <= event.startTime ? 1 : 0;
  return { timezone: CALENDAR_TIME_ZONE, start, end: wallClock(lastDay, event.endTime, endDay) };
}

/** One continuous span: a recurring event's occurrence, which its own rule repeats. */
function span(event: FrozenEvent): Pick<ICalEventData, "start" | "end" | "allDay" | "timezone"> {
  const lastDay = event.endsOn && event.endsOn > event.startsOn ? event.endsOn : event.startsOn;
  if (!event.startTime) return { allDay: true, start: utcDay(event.startsOn), end: utcDay(lastDay, 1) };
  const start = wallClock(event.startsOn, event.startTime);
  if (!event.endTime) return { timezone: CALENDAR_TIME_ZONE, start, end: lastDay > event.startsOn ? wallClock(lastDay, "00:00", 1) : undefined };
  const endDay = lastDay === event.startsOn && event.endTime <= event.startTime ? 1 : 0;
  return { timezone: CALENDAR_TIME_ZONE, start, end: wallClock(lastDay, event.endTime, endDay) };
}

function addDaysTo(date: string, days: number): string {
  return utcDay(date, days).toISOString().slice(0, 10);
}

/** Only what lib/calendar writes (FREQ=…;UNTIL=…): nothing that could end the line and start a property. */
const RRULE_VALUE = /^[A-Z0-9=;,+-]+$/;

export function renderCalendar(options: { municipalityName: string; host: string; events: readonly CalendarEvent[] }): string {
  const calendar = ical({
    // ical-generator escapes the events' texts but writes the calendar's name and description as
    // given: a line break in the municipality's name would start properties (or events) of its own.
    name: escape(`${options.municipalityName} – kalender`, false),
    description: escape(`Evenemang och möten i ${options.municipalityName}. Med reservation för eventuella ändringar.`, false),
    prodId: { company: "Kommunbladet", product: "Kalender", language: "SV" },
    method: ICalCalendarMethod.PUBLISH,
    url: absoluteUrl(paths.calendar()),
    // No calendar-wide zone name: with one, ical-generator would also write DTSTAMP in local time,
    // which must be UTC. The generator adds the VTIMEZONE for the events' own TZID.
    timezone: { name: null, generator: (zone) => (zone === CALENDAR_TIME_ZONE ? STOCKHOLM_VTIMEZONE : null) },
    // How often subscribed calendars (Outlook, Apple) refetch.
    ttl: 60 * 60,
    x: { "X-WR-TIMEZONE": CALENDAR_TIME_ZONE },
  });
  for (const event of options.events) {
    const uid = `${event.id}@${options.host}`;
    const recurring = !!event.recurrence && RRULE_VALUE.test(event.recurrence);
    calendar.createEvent({
      id: uid,
      ...(recurring ? { ...span(event), repeating: `RRULE:${event.recurrence}` } : timing(event)),
      summary: event.cancelled ? `Inställt: ${event.title}` : event.title,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      location: event.place || null,
      description: event.description || null,
      url: webLink(event.link) ?? absoluteUrl(paths.calendar()),
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
    });
    if (!recurring) continue;
    // A changed occurrence is a component of its own under the series' UID, named by the start the
    // rule gave it (RECURRENCE-ID). A cancelled one is sent as STATUS:CANCELLED rather than left out
    // with EXDATE, so that calendars which show cancelled events say "Inställt", as /kalender does.
    const days = event.endsOn && event.endsOn > event.startsOn ? Math.round((utcDay(event.endsOn).getTime() - utcDay(event.startsOn).getTime()) / 86_400_000) : null;
    for (const change of event.changes ?? []) {
      const startsOn = change.startsOn ?? change.occursOn;
      const occurrence: FrozenEvent = {
        ...event,
        startsOn,
        startTime: change.startTime ?? event.startTime,
        endsOn: change.endsOn ?? (days === null ? null : addDaysTo(startsOn, days)),
        endTime: change.endTime ?? event.endTime,
      };
      const cancelled = event.cancelled || change.cancelled;
      calendar.createEvent({
        id: uid,
        ...span(occurrence),
        recurrenceId: event.startTime ? wallClock(change.occursOn, event.startTime) : utcDay(change.occursOn),
        summary: cancelled ? `Inställt: ${event.title}` : event.title,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        location: event.place || null,
        description: event.description || null,
        url: webLink(event.link) ?? absoluteUrl(paths.calendar()),
        stamp: event.updatedAt,
        lastModified: event.updatedAt,
      });
    }
  }
  // ical-generator writes every RECURRENCE-ID as a date-time; an all-day series (DATE start) needs a
  // DATE there. Timed ones carry a TZID, so a bare UTC midnight can only be an all-day one.
  return calendar.toString().replace(/^RECURRENCE-ID:(\d{8})T000000Z\r$/gm, "RECURRENCE-ID;VALUE=DATE:$1\r");
}

export function calendarResponse(body: string): Response {
  return new Response(body, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="kalender.ics"' },
  });
}
