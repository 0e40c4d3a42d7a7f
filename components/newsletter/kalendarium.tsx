import type { FrozenEvent } from "@/db/schema";
import { capitalize, eventWhen, groupByMonth } from "@/lib/format";

/** The events grouped by month, the way a printed newsletter lists them. */
export function Kalendarium({ events, note }: { events: readonly FrozenEvent[]; note: string }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="kalendarium" className="rounded border border-gray-300 bg-white p-6">
      <h2 id="kalendarium" className="text-2xl font-bold text-brand">
        Kalendarium
      </h2>
      {groupByMonth(events, (e) => e.startsOn).map((group) => (
        <div key={group.month} className="mt-4">
          <h3 className="border-b border-gray-200 pb-1 text-lg font-semibold">{capitalize(group.month)}</h3>
          <ul className="mt-2 space-y-2">
            {group.items.map((event, index) => (
              // Recurring events repeat titles; a moved occurrence may share a day with another.
              <li key={`${event.startsOn}-${event.title}-${index}`} className="grid grid-cols-[7.5rem_1fr] gap-3">
                <time dateTime={event.startsOn} className="font-semibold tabular-nums">
                  {eventWhen(event)}
                </time>
                <span>
                  {event.cancelled ? <strong className="mr-2 text-accent">Inställt:</strong> : null}
                  <span className={event.cancelled ? "line-through" : ""}>{event.title}</span>
                  {event.place ? <span className="text-muted">, {event.place}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {note ? <p className="mt-4 text-sm italic text-muted">{note}</p> : null}
    </section>
  );
}
