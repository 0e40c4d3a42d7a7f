import { and, eq } from "drizzle-orm";
import { eventOccurrences, events } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { parseInput } from "@/lib/errors";
import { lockEvent, requireCalendarManager } from "./events";
import { moveOccurrenceSchema, occurrenceSchema } from "./input";
import { isRuleDate } from "./recurrence";

/**
 * One occurrence of a recurring event: cancelled ("Ställ in tillfället"), moved ("Flytta
 * tillfället") or put back as the rule has it. The rest of the series is never touched. An
 * occurrence is named by the date its rule gives it, which stays its key however often it moves.
 */

/** The series changed as a whole for a subscribed calendar: its LAST-MODIFIED moves on. */
const touch = (tx: Tx, eventId: string, now: Date) => tx.update(events).set({ updatedAt: now }).where(eq(events.id, eventId));

const RELOAD = "Sidan skickade en ogiltig uppgift. Ladda om sidan och försök igen.";

async function lockOccurrence(tx: Tx, eventId: string, occursOn: string) {
  const event = await lockEvent(tx, eventId);
  if (!event.recurrence || !isRuleDate(event.recurrence, event, occursOn)) {
    throw new AppError("NOT_FOUND", "Tillfället finns inte längre. Ladda om sidan och försök igen.");
  }
  const [change] = await tx
    .select()
    .from(eventOccurrences)
    .where(and(eq(eventOccurrences.eventId, eventId), eq(eventOccurrences.occursOn, occursOn)));
  return { event, change };
}

export async function cancelOccurrence(db: Db, actor: CurrentUser, raw: unknown, now = new Date()): Promise<void> {
  requireCalendarManager(actor);
  const { eventId, occursOn } = parseInput(occurrenceSchema, raw, { message: RELOAD });
  await db.transaction(async (tx) => {
    const { event, change } = await lockOccurrence(tx, eventId, occursOn);
    if (change?.cancelled) return;
    await tx
      .insert(eventOccurrences)
      .values({ eventId, occursOn, cancelled: true, updatedAt: now })
      .onConflictDoUpdate({ target: [eventOccurrences.eventId, eventOccurrences.occursOn], set: { cancelled: true, updatedAt: now } });
    await touch(tx, eventId, now);
    await recordAudit(tx, {
      actor,
      action: "event.occurrence_cancelled",
      entityType: "event",
      entityId: eventId,
      summary: `Ställde in "${event.title}" ${formatDate(occursOn)}`,
      details: { occursOn },
    });
  });
}

export async function moveOccurrence(db: Db, actor: CurrentUser, raw: unknown, now = new Date()): Promise<void> {
  requireCalendarManager(actor);
  const input = parseInput(moveOccurrenceSchema, raw, { message: "Tillfället flyttades inte. Rätta fälten som är markerade." });
  await db.transaction(async (tx) => {
    const { event } = await lockOccurrence(tx, input.eventId, input.occursOn);
    // An all-day event moves to another day; a timed one may get new times (blank keeps the rule's).
    const startTime = event.startTime ? input.startTime : null;
    const endTime = event.startTime ? input.endTime : null;
    if (startTime && !endTime && event.endTime && event.endTime.slice(0, 5) < startTime && !event.endsOn) {
      throw new AppError("INVALID_INPUT", "Tillfället flyttades inte. Rätta fälten som är markerade.", { endTime: ["Ange en ny sluttid: den gamla är före den nya starttiden."] });
    }
    const values = { startsOn: input.startsOn, startTime, endsOn: null, endTime, updatedAt: now };
    await tx
      .insert(eventOccurrences)
      .values({ eventId: input.eventId, occursOn: input.occursOn, cancelled: false, ...values })
      .onConflictDoUpdate({ target: [eventOccurrences.eventId, eventOccurrences.occursOn], set: values });
    await touch(tx, input.eventId, now);
    await recordAudit(tx, {
      actor,
      action: "event.occurrence_moved",
      entityType: "event",
      entityId: input.eventId,
      summary: `Flyttade "${event.title}" ${formatDate(input.occursOn)} till ${formatDate(input.startsOn)}`,
      details: { occursOn: input.occursOn, startsOn: input.startsOn, startTime, endTime },
    });
  });
}

/** Back to what the rule says: neither cancelled nor moved. */
export async function restoreOccurrence(db: Db, actor: CurrentUser, raw: unknown, now = new Date()): Promise<void> {
  requireCalendarManager(actor);
  const { eventId, occursOn } = parseInput(occurrenceSchema, raw, { message: RELOAD });
  await db.transaction(async (tx) => {
    const { event, change } = await lockOccurrence(tx, eventId, occursOn);
    if (!change) return;
    await tx.delete(eventOccurrences).where(and(eq(eventOccurrences.eventId, eventId), eq(eventOccurrences.occursOn, occursOn)));
    await touch(tx, eventId, now);
    await recordAudit(tx, {
      actor,
      action: "event.occurrence_restored",
      entityType: "event",
      entityId: eventId,
      summary: `Återställde "${event.title}" ${formatDate(occursOn)}`,
      details: { occursOn, wasCancelled: change.cancelled, wasMovedTo: change.startsOn },
    });
  });
}
