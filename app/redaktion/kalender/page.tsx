import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listStaffEvents } from "@/db/queries/calendar";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { allRuleDates, describeRule } from "@/lib/calendar/recurrence";
import { stockholmDate } from "@/lib/dates";
import { formatDate, formatTime } from "@/lib/format";

export const metadata: Metadata = { title: "Kalender" };

type Row = Awaited<ReturnType<typeof listStaffEvents>>[number];

function when(event: Row): string {
  const days = event.endsOn && event.endsOn !== event.startsOn ? `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}` : formatDate(event.startsOn);
  if (!event.startTime) return days;
  return `${days} kl. ${formatTime(event.startTime)}${event.endTime ? `–${formatTime(event.endTime)}` : ""}`;
}

/** A series is over when its rule's last date has passed. */
const seriesOver = (event: Row, today: string) => (allRuleDates(event.recurrence!, event).at(-1) ?? event.startsOn) < today;

export default async function CalendarStaffPage({ searchParams }: { searchParams: Promise<{ visa?: string }> }) {
  const user = await requireUser("/redaktion/kalender");
  requirePermission(user, "calendar.manage");
  const past = (await searchParams).visa === "tidigare";
  const today = stockholmDate(new Date());
  const rows = (await listStaffEvents(await getDb(), today, past)).filter((event) => !event.recurrence || seriesOver(event, today) === past);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Kalender</h1>
        <Link href="/redaktion/kalender/ny" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Nytt evenemang
        </Link>
      </div>
      <p className="max-w-3xl">
        Evenemangen visas i webbplatsens kalender, i kalenderflödet och i Kalendariet för de nyhetsbrev du väljer. Ett nummer som redan är publicerat behåller sitt Kalendarium som
        det var.
      </p>
      <nav aria-label="Visa evenemang" className="flex gap-4">
        <Link href="/redaktion/kalender" aria-current={past ? undefined : "page"} className={past ? "text-brand underline" : "font-semibold"}>
          Kommande
        </Link>
        <Link href="/redaktion/kalender?visa=tidigare" aria-current={past ? "page" : undefined} className={past ? "font-semibold" : "text-brand underline"}>
          Tidigare
        </Link>
      </nav>
      <h2 className="text-2xl font-bold">{past ? "Tidigare evenemang" : "Kommande evenemang"}</h2>
      {rows.length === 0 ? (
        <p>{past ? "Inga tidigare evenemang." : "Inga kommande evenemang. Lägg till ett med ”Nytt evenemang”."}</p>
      ) : (
        <ul className="divide-y divide-gray-200 border-y border-gray-200">
          {rows.map((event) => (
            <li key={event.id} className="py-3">
              <p className="text-lg font-semibold">
                {event.cancelled ? <strong className="mr-2 rounded bg-accent px-2 py-0.5 text-base text-white">Inställt</strong> : null}
                <Link className="text-brand underline-offset-4 hover:underline" href={`/redaktion/kalender/${event.id}`}>
                  {event.title}
                </Link>
              </p>
              <p className="text-sm">
                {event.recurrence ? `Första gången ${when(event)}` : when(event)}
                {event.place ? `, ${event.place}` : ""}
              </p>
              {event.recurrence ? <p className="text-sm font-semibold">{describeRule(event.recurrence)}</p> : null}
              {!event.listed ? <p className="text-sm text-muted">Visas inte för invånarna ännu.</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
