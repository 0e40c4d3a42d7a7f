import type { Byline, FrozenEvent } from "@/db/schema";

const TIME_ZONE = "Europe/Stockholm";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const monthFormat = new Intl.DateTimeFormat("sv-SE", { month: "long", year: "numeric", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: TIME_ZONE,
});

const clockFormat = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });
const dayMonthFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", timeZone: TIME_ZONE });
const calendarDayFormat = new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE });

/** A calendar date "YYYY-MM-DD" as noon UTC, which is the same date in Stockholm all year. */
function fromDateString(value: string): Date {
  return new Date(`${value}T12:00:00Z`);
}

function toDate(value: Date | string): Date {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? fromDateString(value) : new Date(value);
}

/** "2 december 2018" */
export function formatDate(value: Date | string): string {
  return dateFormat.format(toDate(value));
}

/** "2 december 2018 kl. 14.05" */
export function formatDateTime(value: Date | string): string {
  const parts = dateTimeFormat.formatToParts(toDate(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")} ${get("month")} ${get("year")} kl. ${get("hour")}.${get("minute")}`;
}

/** "14.05": the time of day in Stockholm, whatever the clock of the browser or server says. */
export function formatClock(value: Date | string): string {
  const parts = clockFormat.formatToParts(toDate(value));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("hour")}.${get("minute")}`;
}

/**
 * When something happened, for staff: "kl. 14.05" today, "2 december kl. 14.05" earlier this year,
 * "2 december 2018 kl. 14.05" before that. "Today" is the calendar day in Stockholm.
 */
export function formatWhen(value: Date | string, now: Date = new Date()): string {
  const at = toDate(value);
  if (calendarDayFormat.format(at) === calendarDayFormat.format(now)) return `kl. ${formatClock(at)}`;
  if (calendarDayFormat.format(at).slice(0, 4) === calendarDayFormat.format(now).slice(0, 4)) return `${dayMonthFormat.format(at)} kl. ${formatClock(at)}`;
  return formatDateTime(at);
}

/** "december 2018" */
export function formatMonth(value: Date | string): string {
  return monthFormat.format(toDate(value));
}

/** "18:00:00" or "18:00" → "18.00", the Swedish way of writing a time. */
export function formatTime(value: string): string {
  return value.slice(0, 5).replace(":", ".");
}

/** ISO date for <time datetime>. */
export function isoDate(value: Date | string): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString();
}

/** Groups items by the month of a date field, keeping the input order. */
export function groupByMonth<T>(items: readonly T[], dateOf: (item: T) => string): { month: string; items: T[] }[] {
  const groups: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const month = formatMonth(dateOf(item));
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, items: [item] });
  }
  return groups;
}

export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("sv-SE") + text.slice(1);
}

/** A title in running text: "Rektor Exempelbyskolan" → "rektor Exempelbyskolan" (proper nouns kept). */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("sv-SE") + text.slice(1);
}

/** "Av Eva Exempel, informatör, och Per Prov, rektor": the byline on the web, in feeds and in e-mail. */
export function bylineText(byline: readonly Byline[]): string {
  const names = byline.map((a) => (a.title ? `${a.name}, ${lowerFirst(a.title)}` : a.name));
  if (names.length === 0) return "";
  if (names.length === 1) return `Av ${names[0]}`;
  return `Av ${names.slice(0, -1).join("; ")} och ${names.at(-1)}`;
}

/** A Kalendarium line's date: "2", "2–4" or "2 kl. 18.00–20.00" (the month is the group's heading). */
export function eventWhen(event: FrozenEvent): string {
  const day = Number(event.startsOn.slice(8, 10));
  const endDay = event.endsOn && event.endsOn !== event.startsOn ? `–${Number(event.endsOn.slice(8, 10))}` : "";
  const time = event.startTime ? ` kl. ${formatTime(event.startTime)}${event.endTime ? `–${formatTime(event.endTime)}` : ""}` : "";
  return `${day}${endDay}${time}`;
}
