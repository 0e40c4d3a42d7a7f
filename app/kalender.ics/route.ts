import { getCalendarFeedEvents, getSiteSettings } from "@/db/queries/public";
import { readerDb } from "@/db/reader";
import { addDays, stockholmDate } from "@/lib/dates";
import { CALENDAR_PAST_DAYS, calendarResponse, renderCalendar } from "@/lib/feeds/calendar";
import { siteHost } from "@/lib/feeds/urls";

// Cached a minute: the window moves with the date, and event edits need no publication.
export const revalidate = 60;

/** Listed events from a month back onwards, for Google, Outlook and Apple calendars to subscribe to. */
export async function GET(): Promise<Response> {
  const db = await readerDb();
  const from = stockholmDate(addDays(new Date(), -CALENDAR_PAST_DAYS));
  const [settings, events] = await Promise.all([getSiteSettings(db), getCalendarFeedEvents(db, from)]);
  return calendarResponse(renderCalendar({ municipalityName: settings?.municipalityName ?? "Kommunbladet", host: siteHost(), events }));
}
