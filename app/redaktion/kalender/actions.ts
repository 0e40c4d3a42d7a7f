"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { cancelEvent, createEvent, deleteEvent, reinstateEvent, requireCalendarManager, updateEvent } from "@/lib/calendar/events";
import { eventFormFromData } from "@/lib/calendar/input";
import { cancelOccurrence, moveOccurrence, restoreOccurrence } from "@/lib/calendar/occurrence-changes";
import type { ActionResult } from "@/lib/errors";
import { revalidatePublicPaths } from "@/lib/workflow/revalidate";

/** Checked here as well as in the services: an action never relies on a page having hidden a button. */
async function requireManager() {
  const actor = await requireActor();
  requireCalendarManager(actor);
  return actor;
}

/**
 * The public calendar, the feed and the start page's "Kommande evenemang" show every event change
 * at once, as publishing does; an issue's preview reads the calendar live, a published one its copy.
 */
function refresh(id?: string) {
  revalidatePublicPaths(["/kalender", "/kalender.ics", "/"]);
  revalidatePath("/redaktion/kalender");
  if (id) revalidatePath(`/redaktion/kalender/${id}`);
}

export type EventFormState = ActionResult<{ saved: true }> | null;
type Done = ActionResult<null>;

export async function createEventAction(_previous: EventFormState, formData: FormData): Promise<EventFormState> {
  const result = await toResult(async () => createEvent(await getDb(), await requireManager(), eventFormFromData(formData)));
  if (!result.ok) return result;
  refresh(result.data.id);
  redirect(`/redaktion/kalender/${result.data.id}?sparat=1`);
}

export async function updateEventAction(_previous: EventFormState, formData: FormData): Promise<EventFormState> {
  const id = String(formData.get("id") ?? "");
  const result = await toResult(async () => {
    await updateEvent(await getDb(), await requireManager(), id, eventFormFromData(formData));
    return { saved: true as const };
  });
  if (result.ok) refresh(id);
  return result;
}

export async function cancelEventAction(id: string): Promise<Done> {
  const result = await toResult(async () => cancelEvent(await getDb(), await requireManager(), id).then(() => null));
  if (result.ok) refresh(id);
  return result;
}

export async function reinstateEventAction(id: string): Promise<Done> {
  const result = await toResult(async () => reinstateEvent(await getDb(), await requireManager(), id).then(() => null));
  if (result.ok) refresh(id);
  return result;
}

export async function deleteEventAction(id: string): Promise<Done> {
  const result = await toResult(async () => deleteEvent(await getDb(), await requireManager(), id).then(() => null));
  if (result.ok) refresh();
  return result;
}

export async function cancelOccurrenceAction(input: { eventId: string; occursOn: string }): Promise<Done> {
  const result = await toResult(async () => cancelOccurrence(await getDb(), await requireManager(), input).then(() => null));
  if (result.ok) refresh(input.eventId);
  return result;
}

export async function moveOccurrenceAction(input: { eventId: string; occursOn: string; startsOn: string; startTime: string; endTime: string }): Promise<Done> {
  const result = await toResult(async () => moveOccurrence(await getDb(), await requireManager(), input).then(() => null));
  if (result.ok) refresh(input.eventId);
  return result;
}

export async function restoreOccurrenceAction(input: { eventId: string; occursOn: string }): Promise<Done> {
  const result = await toResult(async () => restoreOccurrence(await getDb(), await requireManager(), input).then(() => null));
  if (result.ok) refresh(input.eventId);
  return result;
}
