import { RRule, type Options } from "rrule";
import { stockholmDate, stockholmLocalToUtc } from "@/lib/dates";
import { formatDate } from "@/lib/format";

/**
 * Recurring events as RFC 5545 rules, built from the form's few choices and read back for it.
 *
 * rrule computes in UTC, and Stockholm changes its offset twice a year; a weekly 10:00 event must stay
 * at 10:00 local time. So rules are expanded in "floating" time, as rrule's README advises: the local
 * wall-clock start is handed to rrule as if it were UTC and the dates are read back the same way.
 * Only the dates come out of rrule; the time of day is the event's own.
 */

export const REPEAT_CHOICES = ["none", "weekly", "biweekly", "monthly"] as const;
export type Repeat = (typeof REPEAT_CHOICES)[number];
export const REPEAT_LABELS: Record<Repeat, string> = {
  none: "Upprepas inte",
  weekly: "Varje vecka",
  biweekly: "Varannan vecka",
  monthly: "Varje månad",
};
export const REPEAT_END_CHOICES = ["until", "count"] as const;
export type RepeatEnd = (typeof REPEAT_END_CHOICES)[number];
export const REPEAT_END_LABELS: Record<RepeatEnd, string> = { until: "Till och med datum", count: "Antal gånger" };

/** A rule reaches at most this far and this many times: a calendar, not a perpetual schedule. */
export const MAX_COUNT = 260;
export const MAX_YEARS = 5;
/** No expansion ever yields more than this, whatever window it is asked for. */
export const MAX_EXPANDED = 1000;

export type RepeatChoice = { repeat: Exclude<Repeat, "none">; ends: "until"; until: string } | { repeat: Exclude<Repeat, "none">; ends: "count"; count: number };

export type RuleStart = { startsOn: string; startTime: string | null };

function dateParts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** A local date and time as a floating Date (its UTC fields are the wall clock). */
function floating(date: string, time = "00:00:00"): Date {
  const [y, m, d] = dateParts(date);
  const [h, mi, s] = time.split(":").map(Number) as [number, number, number?];
  return new Date(Date.UTC(y, m - 1, d, h, mi, s ?? 0));
}

const floatingDate = (at: Date) => at.toISOString().slice(0, 10);

const FREQ: Record<RepeatChoice["repeat"], Pick<Options, "freq" | "interval">> = {
  weekly: { freq: RRule.WEEKLY, interval: 1 },
  biweekly: { freq: RRule.WEEKLY, interval: 2 },
  monthly: { freq: RRule.MONTHLY, interval: 1 },
};

const compact = (date: string) => date.replaceAll("-", "");

/**
 * The RRULE value (without "RRULE:" and DTSTART) for the form's choice. "Till och med" a date means
 * the whole of that day in Stockholm: for a timed event UNTIL is its last second in UTC, as RFC 5545
 * requires with a TZID start; for an all-day event (a DATE start) UNTIL is that date.
 */
export function buildRule(choice: RepeatChoice, start: RuleStart): string {
  const options: Partial<Options> = { ...FREQ[choice.repeat] };
  if (choice.ends === "count") options.count = choice.count;
  else if (start.startTime) options.until = new Date(stockholmLocalToUtc(`${choice.until}T23:59`)!.getTime() + 59_000);
  else options.until = floating(choice.until);
  let rule = new RRule(options).toString().replace(/^RRULE:/, "");
  if (choice.ends === "until" && !start.startTime) rule = rule.replace(/UNTIL=\d{8}T\d{6}Z/, `UNTIL=${compact(choice.until)}`);
  return rule;
}

/** The stored rule's parts that matter here; null for a value rrule cannot read. */
function parse(rule: string): Partial<Options> | null {
  if (!/^[A-Z0-9=;,+-]+$/.test(rule)) return null;
  try {
    return RRule.parseString(rule);
  } catch {
    return null;
  }
}

/** The UNTIL value as the last Stockholm date the rule reaches. */
function untilDate(rule: string, until: Date): string {
  return /UNTIL=\d{8}T\d{6}Z/.test(rule) ? stockholmDate(until) : floatingDate(until);
}

/** The form's choice for a stored rule, for editing; null when the rule is none the form can make. */
export function readRule(rule: string | null): RepeatChoice | null {
  if (!rule) return null;
  const options = parse(rule);
  if (!options) return null;
  const interval = options.interval ?? 1;
  const repeat =
    options.freq === RRule.WEEKLY && interval === 1
      ? "weekly"
      : options.freq === RRule.WEEKLY && interval === 2
        ? "biweekly"
        : options.freq === RRule.MONTHLY && interval === 1
          ? "monthly"
          : null;
  if (!repeat) return null;
  if (options.count) return { repeat, ends: "count", count: options.count };
  if (options.until) return { repeat, ends: "until", until: untilDate(rule, options.until) };
  return null;
}

/** "Varannan vecka till och med 1 mars 2027", "Varje månad, 6 gånger". */
export function describeRule(rule: string | null): string | null {
  if (!rule) return null;
  const choice = readRule(rule);
  if (!choice) return "Upprepas";
  const base = REPEAT_LABELS[choice.repeat];
  return choice.ends === "until" ? `${base} till och med ${formatDate(choice.until)}` : `${base}, ${choice.count} gånger`;
}

/** True for a rule this module can expand: what the services check before storing one. */
export function isExpandableRule(rule: string): boolean {
  const options = parse(rule);
  return !!options && options.freq !== undefined && (!!options.count || !!options.until);
}

function ruleFor(rule: string, start: RuleStart): RRule | null {
  const options = parse(rule);
  if (!options) return null;
  const dtstart = floating(start.startsOn, start.startTime ?? "00:00:00");
  const until = options.until ? floating(untilDate(rule, options.until), "23:59:59") : undefined;
  return new RRule({ ...options, dtstart, until, count: options.count ? Math.min(options.count, MAX_COUNT) : undefined, tzid: undefined });
}

/**
 * The dates (YYYY-MM-DD, Stockholm) the rule gives between `from` and `to` inclusive, the first
 * occurrence being the event's own start; at most `max`.
 */
export function ruleDates(rule: string, start: RuleStart, window: { from: string; to: string }, max = MAX_EXPANDED): string[] {
  const rrule = ruleFor(rule, start);
  if (!rrule) return [start.startsOn].filter((d) => d >= window.from && d <= window.to);
  const dates: string[] = [];
  rrule.between(floating(window.from), floating(window.to, "23:59:59"), true, (at) => {
    dates.push(floatingDate(at));
    return dates.length < max;
  });
  return dates;
}

/** Every date of the rule, at most `max`: rules always end (UNTIL or COUNT), and are capped besides. */
export function allRuleDates(rule: string, start: RuleStart, max = MAX_EXPANDED): string[] {
  const rrule = ruleFor(rule, start);
  if (!rrule) return [start.startsOn];
  return rrule.all((_, index) => index < max).map(floatingDate);
}

/** Whether `date` is one the rule gives (the key of an occurrence to cancel or move). */
export function isRuleDate(rule: string, start: RuleStart, date: string): boolean {
  return ruleDates(rule, start, { from: date, to: date }, 1).length === 1;
}

/** The real instant of a Stockholm wall-clock date and time (null for the hour skipped in March). */
export function stockholmInstant(date: string, time: string): Date | null {
  return stockholmLocalToUtc(`${date}T${time.slice(0, 5)}`);
}
