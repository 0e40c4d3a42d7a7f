import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { upcomingOccurrences } from "@/lib/calendar/public";
import type { Occurrence } from "@/lib/calendar/occurrences";
import { webLink } from "@/lib/feeds/urls";
import { capitalize, formatDate, formatTime, groupByMonth, isoDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); a minute at most, so "upcoming" stays true.
export const revalidate = 60;

export const metadata: Metadata = { title: "Kalender" };

/** Enough for a year of a small municipality's events, recurring ones expanded; the iCalendar feed carries them all. */
const MAX_EVENTS = 300;

type Event = Occurrence;

function when(event: Event): string {
  const days = event.endsOn && event.endsOn !== event.startsOn ? `${formatDate(event.startsOn)} – ${formatDate(event.endsOn)}` : formatDate(event.startsOn);
  if (!event.startTime) return days;
  return `${days} kl. ${formatTime(event.startTime)}${event.endTime ? `–${formatTime(event.endTime)}` : ""}`;
}

export default async function CalendarPage() {
  const events = await upcomingOccurrences(await getDb(), new Date(), MAX_EVENTS);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-4xl font-bold">Kalender</h1>
      <p className="mt-2 text-lg">Evenemang och viktiga datum i kommunen, de närmaste först.</p>
      <p className="mt-2">
        <a className="font-semibold text-brand underline underline-offset-2" href="/kalender.ics">
          Prenumerera på kalendern
        </a>{" "}
        <span className="text-muted">(för Google, Outlook och Apples kalender)</span>
      </p>
      {events.length === 0 ? <p className="mt-8">Inga kommande evenemang just nu.</p> : null}
      {groupByMonth(events, (event) => event.startsOn).map((group) => (
        <section key={group.month} aria-labelledby={`manad-${group.items[0]!.startsOn.slice(0, 7)}`} className="mt-8">
          <h2 id={`manad-${group.items[0]!.startsOn.slice(0, 7)}`} className="border-b-2 border-brand pb-1 text-2xl font-bold">
            {capitalize(group.month)}
          </h2>
          <ul className="mt-2 divide-y divide-gray-200">
            {group.items.map((event) => (
              <li key={`${event.eventId}:${event.occursOn}`} className="py-4">
                <h3 className="text-xl font-bold">
                  {/* Said in words and struck through: never colour alone. */}
                  {event.cancelled ? <strong className="mr-2 rounded bg-accent px-2 py-0.5 text-base text-white">Inställt</strong> : null}
                  <span className={event.cancelled ? "line-through" : ""}>{event.title}</span>
                </h3>
                <p className="mt-1 font-semibold">
                  <time dateTime={isoDate(event.startsOn)}>{when(event)}</time>
                  {event.place ? <span className="font-normal">, {event.place}</span> : null}
                </p>
                {event.moved && !event.cancelled ? <p className="mt-1 text-muted">Flyttat från {formatDate(event.occursOn)}.</p> : null}
                {event.description ? <p className="mt-1">{event.description}</p> : null}
                {/* Only an http(s) address becomes a link: the field is free text (issue 12). */}
                {webLink(event.link) && !event.cancelled ? (
                  <p className="mt-1">
                    <a className="text-brand underline underline-offset-2" href={webLink(event.link)!}>
                      Mer om {event.title}
                    </a>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="mt-8 italic text-muted">Med reservation för eventuella ändringar.</p>
    </div>
  );
}
