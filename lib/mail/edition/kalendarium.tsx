import type { FrozenEvent } from "@/db/schema";
import { capitalize, eventWhen, groupByMonth } from "@/lib/format";
import { COLORS, s } from "./styles";

/** The frozen Kalendarium grouped by month, one presentation table per month. */
export function EmailKalendarium({ events, note }: { events: readonly FrozenEvent[]; note: string }) {
  if (events.length === 0) return null;
  return (
    <>
      <h2 style={{ ...s.h2, color: COLORS.brand }}>Kalendarium</h2>
      {groupByMonth(events, (e) => e.startsOn).map((group) => (
        <div key={group.month}>
          <h3 style={{ ...s.h3, margin: "16px 0 8px", borderBottom: `1px solid ${COLORS.line}`, paddingBottom: "4px" }}>{capitalize(group.month)}</h3>
          <table role="presentation" width="100%" cellPadding={0} cellSpacing={0} border={0}>
            <tbody>
              {group.items.map((event) => (
                <tr key={`${event.startsOn}-${event.title}`}>
                  <td width={130} style={{ ...s.p, margin: 0, padding: "0 12px 8px 0", verticalAlign: "top", fontWeight: "bold", width: "130px" }}>
                    {eventWhen(event)}
                  </td>
                  <td style={{ ...s.p, margin: 0, padding: "0 0 8px", verticalAlign: "top" }}>
                    {event.cancelled ? <strong>Inställt: </strong> : null}
                    <span style={event.cancelled ? { textDecoration: "line-through" } : undefined}>{event.title}</span>
                    {event.place ? <span style={{ color: COLORS.muted }}>, {event.place}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {note ? <p style={{ ...s.small, fontStyle: "italic", marginTop: "8px" }}>{note}</p> : null}
    </>
  );
}
