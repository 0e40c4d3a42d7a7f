import { stockholmDate } from "@/lib/dates";

/** A YYYY-MM-DD date as year, month (1–12) and day. */
function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A new issue's Kalendarium covers the calendar month after the one it is created in (Stockholm
 * time): an issue made in November tells readers what happens in December.
 */
export function defaultCalendarWindow(now: Date): { calendarFrom: string; calendarTo: string } {
  const [year, month] = parts(stockholmDate(now));
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const lastDay = new Date(Date.UTC(nextYear, nextMonth, 0)).getUTCDate();
  return {
    calendarFrom: `${nextYear}-${pad(nextMonth)}-01`,
    calendarTo: `${nextYear}-${pad(nextMonth)}-${pad(lastDay)}`,
  };
}

/** The year an issue belongs to by default: the year of the month its Kalendarium covers. */
export function defaultIssueYear(now: Date): number {
  return parts(defaultCalendarWindow(now).calendarFrom)[0];
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = parts(value);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
