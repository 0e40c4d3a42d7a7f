import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { calendarPublications } from "@/db/queries/calendar";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { createEventAction } from "../actions";
import { EventForm } from "../event-form";

export const metadata: Metadata = { title: "Nytt evenemang" };

export default async function NewEventPage() {
  const user = await requireUser("/redaktion/kalender/ny");
  requirePermission(user, "calendar.manage");
  const publications = await calendarPublications(await getDb());
  return (
    <div className="space-y-6">
      <p>
        <Link className="text-brand underline" href="/redaktion/kalender">
          Till kalendern
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Nytt evenemang</h1>
      <EventForm
        action={createEventAction}
        publications={publications}
        values={{
          title: "",
          startsOn: "",
          startTime: "",
          endsOn: "",
          endTime: "",
          place: "",
          description: "",
          link: "",
          // A new event goes into every newsletter's Kalendarium unless the redaktör says otherwise.
          publicationIds: publications.map((p) => p.id),
          repeat: "none",
          repeatEnd: "until",
          repeatUntil: "",
          repeatCount: "",
        }}
      />
    </div>
  );
}
