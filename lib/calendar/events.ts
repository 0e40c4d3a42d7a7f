import { and, eq, inArray } from "drizzle-orm";
import { eventOccurrences, eventPublications, events, publications } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, parseInput } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { eventIdSchema, eventInputSchema, type EventInput } from "./input";
import { allRuleDates } from "./recurrence";

/**
 * The calendar's verbs: create, update, cancel ("Ställ in"), reinstate ("Återställ") and delete an
 * event. Each checks the role itself, validates, and writes the change and its audit row in one
 * transaction. The public pages' caches are dropped by the actions, after the commit.
 */

export function requireCalendarManager(actor: CurrentUser) {
  if (!can(actor, "calendar.manage")) throw new AppError("FORBIDDEN", "Du får inte ändra i kalendern.");
}

const NOT_SAVED = { message: "Evenemanget sparades inte. Rätta fälten som är markerade." };
const RELOAD = { message: "Sidan skickade en ogiltig uppgift. Ladda om sidan och försök igen." };

const NOT_FOUND = "Evenemanget finns inte längre. Någon kan ha tagit bort det.";

export async function lockEvent(tx: Tx, id: string) {
  const [row] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  if (!row) throw new AppError("NOT_FOUND", NOT_FOUND);
  return row;
}

/**
 * The newsletters chosen must exist; a newly chosen one may not be archived (one already linked
 * stays, so saving an old event does not silently drop it from an archived newsletter).
 */
async function checkPublications(tx: Tx, ids: readonly string[], alreadyLinked: readonly string[] = []) {
  if (ids.length === 0) return;
  const rows = await tx
    .select()
    .from(publications)
    .where(inArray(publications.id, [...ids]));
  const ok = rows.filter((p) => p.kind === "newsletter" && (!p.archivedAt || alreadyLinked.includes(p.id)));
  if (ok.length !== new Set(ids).size) {
    throw new AppError("INVALID_INPUT", "Evenemanget sparades inte. Rätta fälten som är markerade.", { publicationIds: ["Välj bland nyhetsbreven i listan."] });
  }
}

const columns = (input: EventInput) => ({
  title: input.title,
  startsOn: input.startsOn,
  startTime: input.startTime,
  endsOn: input.endsOn,
  endTime: input.endTime,
  place: input.place,
  description: input.description,
  link: input.link,
  recurrence: input.recurrence,
});

export async function createEvent(db: Db, actor: CurrentUser, raw: unknown): Promise<{ id: string }> {
  requireCalendarManager(actor);
  const input = parseInput(eventInputSchema, raw, NOT_SAVED);
  return db.transaction(async (tx) => {
    await checkPublications(tx, input.publicationIds);
    const [row] = await tx
      .insert(events)
      .values({ ...columns(input), createdBy: actor.id })
      .returning({ id: events.id });
    const id = row!.id;
    const linked = [...new Set(input.publicationIds)];
    if (linked.length > 0) await tx.insert(eventPublications).values(linked.map((publicationId) => ({ eventId: id, publicationId })));
    await recordAudit(tx, {
      actor,
      action: "event.created",
      entityType: "event",
      entityId: id,
      summary: `Lade till "${input.title}" i kalendern`,
      details: { startsOn: input.startsOn, recurrence: input.recurrence, publications: linked.length },
    });
    return { id };
  });
}

/**
 * Saves the whole form. Changes to single occurrences whose date the new rule no longer gives are
 * dropped: there is nothing left for them to change (and no RECURRENCE-ID to send them under).
 */
export async function updateEvent(db: Db, actor: CurrentUser, id: string, raw: unknown, now = new Date()): Promise<{ droppedChanges: number }> {
  requireCalendarManager(actor);
  const { id: eventId } = parseInput(eventIdSchema, { id }, NOT_SAVED);
  const input = parseInput(eventInputSchema, raw, NOT_SAVED);
  return db.transaction(async (tx) => {
    const before = await lockEvent(tx, eventId);
    const current = await tx.select({ publicationId: eventPublications.publicationId }).from(eventPublications).where(eq(eventPublications.eventId, eventId));
    await checkPublications(
      tx,
      input.publicationIds,
      current.map((c) => c.publicationId),
    );
    await tx
      .update(events)
      .set({ ...columns(input), updatedAt: now })
      .where(eq(events.id, eventId));
    await tx.delete(eventPublications).where(eq(eventPublications.eventId, eventId));
    const linked = [...new Set(input.publicationIds)];
    if (linked.length > 0) await tx.insert(eventPublications).values(linked.map((publicationId) => ({ eventId, publicationId })));
    const changes = await tx.select({ occursOn: eventOccurrences.occursOn }).from(eventOccurrences).where(eq(eventOccurrences.eventId, eventId));
    const valid = new Set(input.recurrence ? allRuleDates(input.recurrence, input) : []);
    const stale = changes.map((c) => c.occursOn).filter((d) => !valid.has(d));
    if (stale.length > 0) await tx.delete(eventOccurrences).where(and(eq(eventOccurrences.eventId, eventId), inArray(eventOccurrences.occursOn, stale)));
    await recordAudit(tx, {
      actor,
      action: "event.updated",
      entityType: "event",
      entityId: eventId,
      summary: `Ändrade "${input.title}" i kalendern`,
      details: {
        changed: Object.entries(columns(input))
          .filter(
            ([key, value]) =>
              (before as Record<string, unknown>)[key] !== value && !(key.endsWith("Time") && String((before as Record<string, unknown>)[key] ?? "").slice(0, 5) === (value ?? "")),
          )
          .map(([key]) => key),
        publications: linked.length,
        droppedOccurrenceChanges: stale,
      },
    });
    return { droppedChanges: stale.length };
  });
}

async function setCancelled(db: Db, actor: CurrentUser, id: string, cancelled: boolean, now: Date) {
  requireCalendarManager(actor);
  const { id: eventId } = parseInput(eventIdSchema, { id }, RELOAD);
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (event.cancelled === cancelled) return;
    await tx.update(events).set({ cancelled, updatedAt: now }).where(eq(events.id, eventId));
    await recordAudit(tx, {
      actor,
      action: cancelled ? "event.cancelled" : "event.reinstated",
      entityType: "event",
      entityId: eventId,
      summary: cancelled ? `Ställde in "${event.title}"` : `Återställde "${event.title}"`,
    });
  });
}

/** "Ställ in": the event stays in every calendar, marked "Inställt". */
export const cancelEvent = (db: Db, actor: CurrentUser, id: string, now = new Date()) => setCancelled(db, actor, id, true, now);
export const reinstateEvent = (db: Db, actor: CurrentUser, id: string, now = new Date()) => setCancelled(db, actor, id, false, now);

/** Gone from the calendar and the feed; issues already published keep their frozen copy. */
export async function deleteEvent(db: Db, actor: CurrentUser, id: string): Promise<void> {
  requireCalendarManager(actor);
  const { id: eventId } = parseInput(eventIdSchema, { id }, RELOAD);
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    await tx.delete(events).where(eq(events.id, eventId));
    await recordAudit(tx, {
      actor,
      action: "event.deleted",
      entityType: "event",
      entityId: eventId,
      summary: `Tog bort "${event.title}" ur kalendern`,
      details: { title: event.title, startsOn: event.startsOn, recurrence: event.recurrence },
    });
  });
}
