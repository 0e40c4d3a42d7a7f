import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar/window";
import { buildRule, MAX_COUNT, MAX_YEARS, REPEAT_CHOICES, REPEAT_END_CHOICES } from "./recurrence";

export const END_BEFORE_START = "Slutet kan inte vara före starten.";
export const NO_SUCH_DATE = "Datumet finns inte.";
export const LINK_NOT_WEB = "Länken måste börja med http:// eller https://.";

const blankToNull = (value: string) => (value === "" ? null : value);

/** A YYYY-MM-DD date that exists; "2026-02-30" is told apart from a date written wrong. */
const date = (missing: string) =>
  z
    .string(missing)
    .trim()
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange datumet som ÅÅÅÅ-MM-DD.")
    .refine(isCalendarDate, NO_SUCH_DATE);
const optionalDate = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "Ange datumet som ÅÅÅÅ-MM-DD.")
  .refine((v) => v === "" || isCalendarDate(v), NO_SUCH_DATE)
  .transform(blankToNull);
/** "18:30", from a time field; seconds allowed, as the database gives them back. */
const optionalTime = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v), "Ange tiden som tt:mm, till exempel 18:30.")
  .transform((v) => (v === "" ? null : v.slice(0, 5)));

const link = z
  .string()
  .trim()
  .max(500, "Länken får vara högst 500 tecken.")
  .default("")
  .refine((v) => v === "" || (/^https?:\/\//i.test(v) && URL.canParse(v)), LINK_NOT_WEB)
  .transform(blankToNull);

/** The event form as it is posted: every field a string, the publications a list of ids. */
export const eventInputSchema = z
  .object({
    title: z.string().trim().min(1, "Skriv evenemangets titel.").max(200, "Titeln får vara högst 200 tecken."),
    startsOn: date("Ange startdatum."),
    startTime: optionalTime,
    endsOn: optionalDate,
    endTime: optionalTime,
    place: z.string().trim().max(200, "Platsen får vara högst 200 tecken.").default(""),
    description: z.string().trim().max(2000, "Beskrivningen får vara högst 2 000 tecken.").default(""),
    link,
    publicationIds: z.array(z.uuid("Välj bland nyhetsbreven i listan.")).max(50).default([]),
    repeat: z.enum(REPEAT_CHOICES, "Välj hur evenemanget upprepas.").default("none"),
    repeatEnd: z.enum(REPEAT_END_CHOICES, "Välj hur upprepningen slutar.").default("until"),
    repeatUntil: optionalDate,
    repeatCount: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.endTime && !v.startTime) issue("startTime", "Ange en starttid när evenemanget har en sluttid.");
    if (v.endsOn && v.endsOn < v.startsOn) issue("endsOn", END_BEFORE_START);
    else if (v.startTime && v.endTime && (v.endsOn ?? v.startsOn) === v.startsOn && v.endTime < v.startTime) issue("endTime", END_BEFORE_START);
    if (v.repeat === "none") return;
    if (v.repeatEnd === "until") {
      if (!v.repeatUntil) issue("repeatUntil", "Ange till och med vilket datum evenemanget upprepas.");
      else if (v.repeatUntil < v.startsOn) issue("repeatUntil", "Upprepningen kan inte sluta före startdatumet.");
      else if (Number(v.repeatUntil.slice(0, 4)) - Number(v.startsOn.slice(0, 4)) > MAX_YEARS) issue("repeatUntil", `Upprepningen kan pågå i högst ${MAX_YEARS} år.`);
    } else {
      const count = Number(v.repeatCount);
      if (!/^\d+$/.test(v.repeatCount)) issue("repeatCount", "Ange antal gånger med siffror.");
      else if (count < 2 || count > MAX_COUNT) issue("repeatCount", `Antal gånger måste vara mellan 2 och ${MAX_COUNT}.`);
    }
  })
  .transform(({ repeat, repeatEnd, repeatUntil, repeatCount, ...event }) => ({
    ...event,
    recurrence:
      repeat === "none" ? null : buildRule(repeatEnd === "until" ? { repeat, ends: "until", until: repeatUntil! } : { repeat, ends: "count", count: Number(repeatCount) }, event),
  }));

export type EventInput = z.output<typeof eventInputSchema>;
export type EventFormInput = z.input<typeof eventInputSchema>;

/** Moving one occurrence: its new date and, for a timed event, its new times. */
export const moveOccurrenceSchema = z
  .object({
    eventId: z.uuid(),
    occursOn: date("Ange vilket tillfälle som flyttas."),
    startsOn: date("Ange det nya datumet."),
    startTime: optionalTime,
    endTime: optionalTime,
  })
  .superRefine((v, ctx) => {
    if (v.startTime && v.endTime && v.endTime < v.startTime) ctx.addIssue({ code: "custom", path: ["endTime"], message: END_BEFORE_START });
  });

export const occurrenceSchema = z.object({ eventId: z.uuid(), occursOn: date("Ange vilket tillfälle det gäller.") });
export const eventIdSchema = z.object({ id: z.uuid() });

/** The form's fields, as the action reads them from FormData. */
export const EVENT_FORM_FIELDS = [
  "title",
  "startsOn",
  "startTime",
  "endsOn",
  "endTime",
  "place",
  "description",
  "link",
  "repeat",
  "repeatEnd",
  "repeatUntil",
  "repeatCount",
] as const;

export function eventFormFromData(data: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = Object.fromEntries(EVENT_FORM_FIELDS.map((name) => [name, String(data.get(name) ?? "")]));
  // Unset choices take the schema's defaults ("Upprepas inte", "Till och med datum").
  for (const name of ["repeat", "repeatEnd"]) if (fields[name] === "") delete fields[name];
  fields.publicationIds = data.getAll("publicationIds").map(String);
  return fields;
}
