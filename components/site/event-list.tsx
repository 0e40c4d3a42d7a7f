import { formatDate, formatTime, isoDate } from "@/lib/format";

type EventRow = {
  eventId: string;
  occursOn: string;
  title: string;
  startsOn: string;
  startTime: string | null;
  endsOn: string | null;
  place: string;
  cancelled: boolean;
};

export function EventList({ events }: { events: readonly EventRow[] }) {
  if (events.length === 0) return <p>Inga kommande evenemang just nu.</p>;
  return (
    <ul className="divide-y divide-gray-200">
      {events.map((event) => (
        <li key={`${event.eventId}:${event.occursOn}`} className="py-3">
          <p className="font-semibold">
            {event.cancelled ? <span className="mr-2 text-accent">Inställt:</span> : null}
            <span className={event.cancelled ? "line-through" : ""}>{event.title}</span>
          </p>
          <p className="text-sm text-muted">
            <time dateTime={isoDate(event.startsOn)}>{formatDate(event.startsOn)}</time>
            {event.endsOn && event.endsOn !== event.startsOn ? <> – {formatDate(event.endsOn)}</> : null}
            {event.startTime ? ` kl. ${formatTime(event.startTime)}` : ""}
            {event.place ? `, ${event.place}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
