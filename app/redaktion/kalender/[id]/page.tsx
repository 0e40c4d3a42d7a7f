import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { calendarPublications, loadStaffEvent } from "@/db/queries/calendar";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { eventFormValues } from "@/lib/calendar/form-values";
import { occurrencesOf } from "@/lib/calendar/occurrences";
import { describeRule } from "@/lib/calendar/recurrence";
import { addDays, stockholmDate } from "@/lib/dates";
import { updateEventAction } from "../actions";
import { EventForm } from "../event-form";
import { EventControls } from "./event-controls";
import { OccurrenceList } from "./occurrence-list";

export const metadata: Metadata = { title: "Evenemang" };

/** The coming occurrences listed for cancelling or moving one: enough for half a year of a weekly event. */
const SHOWN_OCCURRENCES = 26;

export default async function EventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ sparat?: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/kalender/${id}`);
  requirePermission(user, "calendar.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const event = await loadStaffEvent(db, id);
  if (!event) notFound();
  const publications = await calendarPublications(db, event.publicationIds);
  const today = stockholmDate(new Date());
  const occurrences = event.recurrence ? occurrencesOf(event, event.changes, { from: today, to: stockholmDate(addDays(new Date(), 366 * 5)) }, SHOWN_OCCURRENCES) : [];
  const saved = (await searchParams).sparat === "1";
  return (
    <div className="space-y-8">
      <p>
        <Link className="text-brand underline" href="/redaktion/kalender">
          Till kalendern
        </Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold">
          {event.cancelled ? <strong className="mr-2 rounded bg-accent px-2 py-0.5 text-xl text-white">Inställt</strong> : null}
          {event.title}
        </h1>
        {event.recurrence ? <p className="mt-1 font-semibold">{describeRule(event.recurrence)}</p> : null}
      </div>
      <EventForm action={updateEventAction} publications={publications} values={eventFormValues(event)} saved={saved} />
      <EventControls id={event.id} title={event.title} cancelled={event.cancelled} />
      {event.recurrence ? (
        <section aria-labelledby="tillfallen" className="space-y-2">
          <h2 id="tillfallen" className="text-2xl font-bold">
            Kommande tillfällen
          </h2>
          <p className="max-w-3xl">Ställ in eller flytta ett enstaka tillfälle. De andra tillfällena påverkas inte.</p>
          <OccurrenceList
            eventId={event.id}
            timed={!!event.startTime}
            occurrences={occurrences.map((o) => ({
              occursOn: o.occursOn,
              startsOn: o.startsOn,
              startTime: o.startTime,
              endTime: o.endTime,
              cancelled: o.occurrenceCancelled,
              moved: o.moved,
            }))}
          />
        </section>
      ) : null}
    </div>
  );
}
