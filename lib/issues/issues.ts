import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { newsletterIssues, publications } from "@/db/schema";
import type { Db, DbOrTx, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { defaultCalendarWindow, defaultIssueYear, isCalendarDate } from "../calendar/window";
import { finishIssueChange, isIssueNumberTaken, lockIssueForChange, numberTakenMessage } from "./lock";
import { archivedError } from "@/lib/publications/archived";
import { MAX_ISSUE_NUMBER, MIN_ISSUE_NUMBER, nextIssueNumber } from "./numbering";

const FIRST_YEAR = 1990;

const yearSchema = z.coerce
  .number({ error: "Ange året med siffror." })
  .int("Ange året med siffror.")
  .min(FIRST_YEAR, `Året kan inte vara före ${FIRST_YEAR}.`)
  .max(2100, "Kontrollera året.");
const numberSchema = z.coerce
  .number({ error: "Ange numret med siffror." })
  .int("Ange numret med siffror.")
  .min(MIN_ISSUE_NUMBER, `Numret måste vara mellan ${MIN_ISSUE_NUMBER} och ${MAX_ISSUE_NUMBER}.`)
  .max(MAX_ISSUE_NUMBER, `Numret måste vara mellan ${MIN_ISSUE_NUMBER} och ${MAX_ISSUE_NUMBER}.`);
const titleSchema = z.string().trim().max(200, "Temat får vara högst 200 tecken.");
/** An empty field means "no date"; anything else must be a real date. */
const dateSchema = z
  .string()
  .trim()
  .transform((v) => v || null)
  .refine((v) => v === null || isCalendarDate(v), "Ange datumet som ÅÅÅÅ-MM-DD.")
  .nullable();

type Window = { calendarFrom: string | null; calendarTo: string | null };

/** Both ends or neither, in order; the year no more than one year ahead of today. */
function checkWindowAndYear(value: Window & { year?: number }, ctx: z.RefinementCtx, now: Date) {
  if (value.year !== undefined && value.year > now.getUTCFullYear() + 1) {
    ctx.addIssue({ code: "custom", path: ["year"], message: "Ett nummer kan inte ligga mer än ett år fram i tiden." });
  }
  if ((value.calendarFrom === null) !== (value.calendarTo === null)) {
    const path = value.calendarFrom === null ? "calendarFrom" : "calendarTo";
    ctx.addIssue({ code: "custom", path: [path], message: "Ange både första och sista dag för kalendariet, eller ingen av dem." });
  } else if (value.calendarFrom && value.calendarTo && value.calendarTo < value.calendarFrom) {
    ctx.addIssue({ code: "custom", path: ["calendarTo"], message: "Kalendariet kan inte sluta före det börjar." });
  }
}

const createIssueSchema = (now: Date) =>
  z
    .object({
      publicationId: z.uuid("Välj nyhetsbrev."),
      year: yearSchema.optional(),
      number: numberSchema.optional(),
      title: titleSchema.default(""),
      calendarFrom: dateSchema.optional(),
      calendarTo: dateSchema.optional(),
    })
    .transform((v) => {
      const fallback = defaultCalendarWindow(now);
      const given = v.calendarFrom !== undefined || v.calendarTo !== undefined;
      return {
        ...v,
        year: v.year ?? defaultIssueYear(now),
        calendarFrom: given ? (v.calendarFrom ?? null) : fallback.calendarFrom,
        calendarTo: given ? (v.calendarTo ?? null) : fallback.calendarTo,
      };
    })
    .superRefine((v, ctx) => checkWindowAndYear(v, ctx, now));

export type CreateIssueInput = z.input<ReturnType<typeof createIssueSchema>>;

function requireManager(actor: CurrentUser) {
  if (!can(actor, "issue.manage")) throw new AppError("FORBIDDEN", "Du får inte sätta ihop nummer.");
}

/** Two editors creating issues in the same publication and year take turns: numbers never collide. */
async function lockNumbering(tx: Tx, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`issue-number:${year}`}))`);
}

/**
 * The numbers a year's issues already have, in every newsletter: an issue's public address is
 * /nyhetsbrev/<year>/<number>, so a second newsletter (one started after the first was archived,
 * or beside it) continues the year's series instead of taking an address that is already read.
 */
async function usedNumbers(db: DbOrTx, year: number): Promise<number[]> {
  const rows = await db.select({ number: newsletterIssues.number }).from(newsletterIssues).where(eq(newsletterIssues.year, year));
  return rows.map((r) => r.number);
}

/**
 * What "Nytt nummer" would create now in `_publicationId`: shown on the form before the editor
 * presses the button. The number does not depend on the newsletter (usedNumbers says why).
 */
export async function proposeIssue(db: DbOrTx, _publicationId: string, now = new Date()) {
  const year = defaultIssueYear(now);
  return { year, number: nextIssueNumber(await usedNumbers(db, year)), ...defaultCalendarWindow(now) };
}

function takenError(number: number, year: number) {
  const message = numberTakenMessage(number, year);
  return new AppError("CONFLICT", message, { number: [message] });
}

/**
 * A new draft issue. Without a number it gets the next free one in its publication and year,
 * computed inside the transaction under a per-year lock; a collision that still reaches the
 * unique constraint (an explicit number, another writer) becomes "Nummer 3 2026 finns redan.".
 */
export async function createIssue(db: Db, actor: CurrentUser, raw: CreateIssueInput, now = new Date()): Promise<{ id: string; year: number; number: number }> {
  requireManager(actor);
  const input = parseInput(createIssueSchema(now), raw, { message: "Kontrollera fälten." });
  let attempted = input.number ?? 0;
  try {
    return await db.transaction(async (tx) => {
      const [publication] = await tx.select().from(publications).where(eq(publications.id, input.publicationId));
      if (!publication || publication.kind !== "newsletter") {
        throw new AppError("INVALID_INPUT", "Nyhetsbrevet finns inte.", { publicationId: ["Välj nyhetsbrev."] });
      }
      if (publication.archivedAt) throw archivedError(publication.name);
      await lockNumbering(tx, input.year);
      const used = await usedNumbers(tx, input.year);
      const number = input.number ?? nextIssueNumber(used);
      attempted = number;
      if (used.includes(number)) throw takenError(number, input.year);
      const [row] = await tx
        .insert(newsletterIssues)
        .values({
          publicationId: publication.id,
          year: input.year,
          number,
          title: input.title,
          calendarFrom: input.calendarFrom,
          calendarTo: input.calendarTo,
          createdBy: actor.id,
        })
        .returning({ id: newsletterIssues.id });
      await recordAudit(tx, {
        actor,
        action: "issue.created",
        entityType: "issue",
        entityId: row!.id,
        summary: `Skapade nummer ${number} ${input.year} av ${publication.name}`,
      });
      return { id: row!.id, year: input.year, number };
    });
  } catch (error) {
    if (isIssueNumberTaken(error)) throw takenError(attempted, input.year);
    throw error;
  }
}

const updateIssueSchema = (now: Date) =>
  z
    .object({
      id: z.uuid(),
      baseVersion: z.coerce.number().int().min(1),
      year: yearSchema,
      number: numberSchema,
      title: titleSchema,
      calendarFrom: dateSchema,
      calendarTo: dateSchema,
      calendarNote: z.string().trim().max(500, "Anteckningen får vara högst 500 tecken."),
    })
    .superRefine((v, ctx) => checkWindowAndYear(v, ctx, now));

export type UpdateIssueInput = z.input<ReturnType<typeof updateIssueSchema>>;

/** Changes an issue's number, theme or Kalendarium; any real change voids an approval. */
export async function updateIssue(db: Db, actor: CurrentUser, raw: UpdateIssueInput, now = new Date()): Promise<{ version: number }> {
  requireManager(actor);
  const input = parseInput(updateIssueSchema(now), raw, { message: "Kontrollera fälten." });
  try {
    return await db.transaction(async (tx) => {
      const issue = await lockIssueForChange(tx, input.id, input.baseVersion);
      const changes = {
        year: input.year,
        number: input.number,
        title: input.title,
        calendarFrom: input.calendarFrom,
        calendarTo: input.calendarTo,
        calendarNote: input.calendarNote,
      };
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((key) => issue[key] !== changes[key]);
      if (changed.length === 0) return { version: issue.version };
      if (changes.year !== issue.year || changes.number !== issue.number) {
        await lockNumbering(tx, changes.year);
        if ((await usedNumbers(tx, changes.year)).includes(changes.number)) throw takenError(changes.number, changes.year);
      }
      await tx.update(newsletterIssues).set(changes).where(eq(newsletterIssues.id, issue.id));
      await recordAudit(tx, {
        actor,
        action: "issue.updated",
        entityType: "issue",
        entityId: issue.id,
        summary: `Ändrade nummer ${changes.number} ${changes.year}`,
        details: { changed, before: Object.fromEntries(changed.map((k) => [k, issue[k]])) },
      });
      const version = await finishIssueChange(tx, issue.id, actor, "numrets uppgifter ändrades");
      return { version };
    });
  } catch (error) {
    if (isIssueNumberTaken(error)) throw takenError(input.number, input.year);
    throw error;
  }
}
