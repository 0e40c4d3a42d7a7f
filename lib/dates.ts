/** Calendar dates in Stockholm, as YYYY-MM-DD, whatever the server's own time zone. */
export function stockholmDate(at: Date): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The calendar year in Stockholm: a moment just after midnight on New Year's Day there is the new year. */
export function stockholmYear(at: Date): number {
  return Number(stockholmDate(at).slice(0, 4));
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 24 * 60 * 60 * 1000);
}

/** The same moment `months` calendar months earlier (clamped to the month's last day). */
export function monthsBefore(at: Date, months: number): Date {
  const result = new Date(at);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

const STOCKHOLM = "Europe/Stockholm";

/** The offset from UTC, in minutes, that Stockholm has at `at` (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: STOCKHOLM,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * "2026-12-01T08:00" as a wall-clock time in Stockholm → the UTC instant. Staff type Swedish time
 * whatever their browser's zone is; the database stores UTC. Returns null for a malformed value or
 * a time that does not exist (the hour skipped when summer time starts).
 */
export function stockholmLocalToUtc(local: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset near a daylight-saving change.
  let guess = naive - stockholmOffsetMinutes(new Date(naive)) * 60_000;
  guess = naive - stockholmOffsetMinutes(new Date(guess)) * 60_000;
  return utcToStockholmLocal(new Date(guess)) === local ? new Date(guess) : null;
}

/** The inverse, for a datetime-local field's value: the UTC instant as Stockholm wall-clock time. */
export function utcToStockholmLocal(at: Date): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: STOCKHOLM,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}
