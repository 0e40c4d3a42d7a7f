import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, eventOccurrences, eventPublications, events, newsletterIssues } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { calendarForIssue, freezeCalendar } from "@/lib/issues/calendar";
import { createIssue } from "@/lib/issues/issues";
import { cancelEvent, createEvent, deleteEvent, reinstateEvent, updateEvent } from "./events";
import { END_BEFORE_START, LINK_NOT_WEB, NO_SUCH_DATE } from "./input";
import { cancelOccurrence, moveOccurrence, restoreOccurrence } from "./occurrence-changes";
import { upcomingOccurrences } from "./public";

let t: TestDb;
let redaktor: CurrentUser, skribent: CurrentUser, admin: CurrentUser, newsletterId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ redaktor, skribent, admin, newsletterId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const form = (over: Record<string, unknown> = {}) => ({
  title: "Språkcafé",
  startsOn: "2041-03-05",
  startTime: "15:00",
  endsOn: "",
  endTime: "17:00",
  place: "Biblioteket",
  description: "Öva svenska.",
  link: "https://exempelby.example/sprak",
  publicationIds: [newsletterId],
  repeat: "biweekly",
  repeatEnd: "until",
  repeatUntil: "2041-04-30",
  repeatCount: "",
  ...over,
});

const auditOf = (id: string) => t.db.select().from(auditLog).where(eq(auditLog.entityId, id));

describe("creating and editing an event", () => {
  it("stores the rule, the publications and an audit row", async () => {
    const { id } = await createEvent(t.db, redaktor, form());
    const [row] = await t.db.select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({ title: "Språkcafé", startTime: "15:00:00", recurrence: "FREQ=WEEKLY;INTERVAL=2;UNTIL=20410430T215959Z", createdBy: redaktor.id });
    expect(await t.db.select().from(eventPublications).where(eq(eventPublications.eventId, id))).toHaveLength(1);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["event.created"]);
  });

  it("names each wrong field in Swedish and writes nothing", async () => {
    const before = (await t.db.select().from(events)).length;
    const error = await createEvent(t.db, redaktor, form({ endsOn: "2041-03-04", link: "javascript:alert(1)", startsOn: "2041-02-30" })).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { startsOn: [NO_SUCH_DATE], link: [LINK_NOT_WEB] } });
    const endError = await createEvent(t.db, redaktor, form({ endTime: "14:00" })).catch((e) => e);
    expect(endError.fieldErrors).toEqual({ endTime: [END_BEFORE_START] });
    const dayError = await createEvent(t.db, redaktor, form({ endsOn: "2041-03-04" })).catch((e) => e);
    expect(dayError.fieldErrors).toEqual({ endsOn: [END_BEFORE_START] });
    const countError = await createEvent(t.db, redaktor, form({ repeatEnd: "count", repeatCount: "många" })).catch((e) => e);
    expect(countError.fieldErrors).toEqual({ repeatCount: ["Ange antal gånger med siffror."] });
    expect((await t.db.select().from(events)).length).toBe(before);
  });

  it("is refused to a skribent, and allowed to the admin", async () => {
    await expect(createEvent(t.db, skribent, form())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEvent(t.db, admin, form({ title: "Adminens evenemang" }))).resolves.toMatchObject({ id: expect.any(String) });
  });

  it("drops changes to occurrences that a new rule no longer has", async () => {
    const { id } = await createEvent(t.db, redaktor, form({ title: "Ändras" }));
    await cancelOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-03-19" });
    await cancelOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-04-02" });
    // Weekly from 5 March, three times: 19 March stays, 2 April is gone.
    const { droppedChanges } = await updateEvent(t.db, redaktor, id, form({ title: "Ändras", repeat: "weekly", repeatEnd: "count", repeatCount: "3" }));
    expect(droppedChanges).toBe(1);
    const left = await t.db.select().from(eventOccurrences).where(eq(eventOccurrences.eventId, id));
    expect(left.map((o) => o.occursOn)).toEqual(["2041-03-19"]);
    expect((await auditOf(id)).map((a) => a.action).sort()).toEqual(["event.created", "event.occurrence_cancelled", "event.occurrence_cancelled", "event.updated"]);
  });
});

describe("occurrences, cancelling and deleting", () => {
  it("cancels, moves and restores one occurrence without touching the others", async () => {
    const { id } = await createEvent(t.db, redaktor, form({ title: "Serie", repeat: "weekly", repeatEnd: "count", repeatCount: "4" }));
    await cancelOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-03-12" });
    await moveOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-03-19", startsOn: "2041-03-20", startTime: "10:00", endTime: "11:00" });
    await expect(cancelOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-03-13" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const list = (await upcomingOccurrences(t.db, new Date("2041-03-01T10:00:00Z"), 100, 60)).filter((o) => o.eventId === id);
    expect(list.map((o) => `${o.startsOn} ${o.startTime} ${o.cancelled ? "inställt" : "av"}`)).toEqual([
      "2041-03-05 15:00:00 av",
      "2041-03-12 15:00:00 inställt",
      "2041-03-20 10:00:00 av",
      "2041-03-26 15:00:00 av",
    ]);
    await restoreOccurrence(t.db, redaktor, { eventId: id, occursOn: "2041-03-12" });
    expect(
      await t.db
        .select()
        .from(eventOccurrences)
        .where(and(eq(eventOccurrences.eventId, id), eq(eventOccurrences.occursOn, "2041-03-12"))),
    ).toEqual([]);
    expect((await auditOf(id)).map((a) => a.action)).toContain("event.occurrence_restored");
  });

  it("keeps a cancelled event, marked; a deleted one disappears; a published issue's Kalendarium never changes", async () => {
    const { id } = await createEvent(t.db, redaktor, form({ title: "Enstaka", repeat: "none", startsOn: "2041-05-06" }));
    const issue = await createIssue(t.db, redaktor, { publicationId: newsletterId, calendarFrom: "2041-05-01", calendarTo: "2041-05-31" }, new Date("2041-04-15T10:00:00Z"));
    const window = { publicationId: newsletterId, calendarFrom: "2041-05-01", calendarTo: "2041-05-31" };
    await t.db.transaction((tx) => freezeCalendar(tx, issue.id));

    await cancelEvent(t.db, redaktor, id);
    expect((await calendarForIssue(t.db, window)).find((e) => e.title === "Enstaka")?.cancelled).toBe(true);
    await reinstateEvent(t.db, redaktor, id);
    await cancelEvent(t.db, redaktor, id);
    await deleteEvent(t.db, redaktor, id);
    expect((await calendarForIssue(t.db, window)).map((e) => e.title)).not.toContain("Enstaka");
    expect(await t.db.select().from(events).where(eq(events.id, id))).toEqual([]);
    const [frozen] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue.id));
    expect(frozen!.frozenCalendar!.find((e) => e.title === "Enstaka")).toMatchObject({ cancelled: false, startsOn: "2041-05-06" });
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["event.created", "event.cancelled", "event.reinstated", "event.cancelled", "event.deleted"]);
  });
});
