import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { calendarFeedEvents } from "@/lib/calendar/public";
import { addDays, stockholmDate } from "@/lib/dates";
import { CALENDAR_PAST_DAYS, calendarResponse, renderCalendar } from "@/lib/calendar/ics";
import { siteHost } from "@/lib/feeds/urls";

// Cached a minute: the window moves with the date. Event changes drop it at once (lib/calendar/revalidate).
export const revalidate = 60;

/** Listed events from a month back onwards, for Google, Outlook and Apple calendars to subscribe to. */
export async function GET(): Promise<Response> {
  const db = await getDb();
  const from = stockholmDate(addDays(new Date(), -CALENDAR_PAST_DAYS));
  const [settings, events] = await Promise.all([getSiteSettings(db), calendarFeedEvents(db, from)]);
  return calendarResponse(renderCalendar({ municipalityName: settings?.municipalityName ?? "Kommunbladet", host: siteHost(), events }));
}
