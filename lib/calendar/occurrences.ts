import type { FrozenEvent } from "@/db/schema";
import { MAX_EXPANDED, ruleDates, isRuleDate } from "./recurrence";

/** An event as the calendars read it: the Kalendarium's fields, its id and its rule. */
export type EventRow = FrozenEvent & { id: string; recurrence: string | null };

/** One occurrence that differs from its rule (event_occurrences). Null fields keep the rule's value. */
export type OccurrenceChange = {
  eventId: string;
  occursOn: string;
  cancelled: boolean;
  startsOn: string | null;
  startTime: string | null;
  endsOn: string | null;
  endTime: string | null;
};

/** One time an event happens: a single event once, a recurring one for each date of its rule. */
export type Occurrence = FrozenEvent & {
  eventId: string;
  /** The date the rule gave it (its RECURRENCE-ID); a single event's start date. */
  occursOn: string;
  recurring: boolean;
  moved: boolean;
  /** Cancelled on its own, while the event goes on. */
  occurrenceCancelled: boolean;
};

export type Window = { from: string; to: string };

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const lastDay = (o: { startsOn: string; endsOn: string | null }) => (o.endsOn && o.endsOn > o.startsOn ? o.endsOn : o.startsOn);
const overlaps = (o: { startsOn: string; endsOn: string | null }, window: Window) => o.startsOn <= window.to && lastDay(o) >= window.from;

/** The event's fields as the occurrence on `date` has them, the change (if any) applied. */
function occurrenceOn(event: EventRow, date: string, change: OccurrenceChange | undefined): Occurrence {
  const span = event.endsOn ? Math.max(0, daysBetween(event.startsOn, event.endsOn)) : null;
  const moved = !!change && (change.startsOn !== null || change.startTime !== null || change.endsOn !== null || change.endTime !== null);
  const startsOn = change?.startsOn ?? date;
  return {
    title: event.title,
    place: event.place,
    description: event.description,
    link: event.link,
    startsOn,
    startTime: change?.startTime ?? event.startTime,
    endsOn: change?.endsOn ?? (span === null ? null : addDays(startsOn, span)),
    endTime: change?.endTime ?? event.endTime,
    cancelled: event.cancelled || !!change?.cancelled,
    eventId: event.id,
    occursOn: date,
    recurring: true,
    moved,
    occurrenceCancelled: !!change?.cancelled,
  };
}

/** Every occurrence of one event that touches the window, changes applied. */
export function occurrencesOf(event: EventRow, changes: readonly OccurrenceChange[], window: Window, max = MAX_EXPANDED): Occurrence[] {
  if (!event.recurrence) {
    const single: Occurrence = { ...stripped(event), eventId: event.id, occursOn: event.startsOn, recurring: false, moved: false, occurrenceCancelled: false };
    return overlaps(single, window) ? [single] : [];
  }
  const start = { startsOn: event.startsOn, startTime: event.startTime };
  const byDate = new Map(changes.filter((c) => c.eventId === event.id).map((c) => [c.occursOn, c]));
  const span = event.endsOn ? Math.max(0, daysBetween(event.startsOn, event.endsOn)) : 0;
  // An occurrence that starts before the window may still run into it.
  const dates = new Set(ruleDates(event.recurrence, start, { from: addDays(window.from, -span), to: window.to }, max));
  // A moved occurrence may have come into the window from a date outside it.
  for (const change of byDate.values()) {
    if (change.startsOn && !dates.has(change.occursOn) && isRuleDate(event.recurrence, start, change.occursOn)) dates.add(change.occursOn);
  }
  return [...dates].map((date) => occurrenceOn(event, date, byDate.get(date))).filter((o) => overlaps(o, window));
}

function stripped(event: EventRow): FrozenEvent {
  const { title, startsOn, startTime, endsOn, endTime, place, description, link, cancelled } = event;
  return { title, startsOn, startTime, endsOn, endTime, place, description, link, cancelled };
}

/** Date order; all-day before timed on the same day, then by title. */
export function compareOccurrences(a: FrozenEvent, b: FrozenEvent): number {
  if (a.startsOn !== b.startsOn) return a.startsOn < b.startsOn ? -1 : 1;
  if ((a.startTime ?? "") !== (b.startTime ?? "")) return (a.startTime ?? "") < (b.startTime ?? "") ? -1 : 1;
  return a.title.localeCompare(b.title, "sv");
}

/** All the events' occurrences in the window, in date order, at most `max`. */
export function expandEvents(events: readonly EventRow[], changes: readonly OccurrenceChange[], window: Window, max = MAX_EXPANDED): Occurrence[] {
  return events
    .flatMap((event) => occurrencesOf(event, changes, window, max))
    .sort(compareOccurrences)
    .slice(0, max);
}

/** An occurrence as a frozen Kalendarium entry: the shape issues keep for ever. */
export function toFrozen(o: Occurrence): FrozenEvent {
  const { title, startsOn, startTime, endsOn, endTime, place, description, link, cancelled } = o;
  return { title, startsOn, startTime, endsOn, endTime, place, description, link, cancelled };
}
