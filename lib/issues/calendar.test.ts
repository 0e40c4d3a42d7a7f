import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventOccurrences, eventPublications, events, newsletterIssues, publications } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { actorByEmail } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { calendarForIssue, freezeCalendar } from "./calendar";
import { createIssue } from "./issues";
import { loadIssue } from "./load-issue";

let t: TestDb;
let newsletterId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const [pub] = await t.db.select().from(publications).where(eq(publications.kind, "newsletter"));
  newsletterId = pub!.id;
  const rows = await t.db
    .insert(events)
    .values([
      { title: "Sista dagen", startsOn: "2040-05-31", place: "Torget" },
      { title: "Kvällsmöte", startsOn: "2040-05-03", startTime: "18:00" },
      { title: "Heldag", startsOn: "2040-05-03" },
      { title: "Före fönstret", startsOn: "2040-04-30" },
      { title: "Efter fönstret", startsOn: "2040-06-01" },
      { title: "Inte klart än", startsOn: "2040-05-10", listed: false },
      { title: "Inställt", startsOn: "2040-05-20", cancelled: true },
      { title: "Språkcafé", startsOn: "2040-04-24", startTime: "10:00", recurrence: "FREQ=WEEKLY;INTERVAL=2;COUNT=4" },
    ])
    .returning();
  await t.db.insert(eventPublications).values(rows.map((row) => ({ eventId: row.id, publicationId: newsletterId })));
  const cafe = rows.find((row) => row.title === "Språkcafé")!;
  await t.db.insert(eventOccurrences).values({ eventId: cafe.id, occursOn: "2040-05-22", cancelled: true });
  // Shown on the public calendar, but not in this newsletter's Kalendarium.
  await t.db.insert(events).values({ title: "Inte i nyhetsbrevet", startsOn: "2040-05-15" });
});
afterAll(() => t.close());

describe("calendarForIssue", () => {
  it("lists the newsletter's listed events starting inside the window, recurring ones expanded, all-day before timed on the same day", async () => {
    const list = await calendarForIssue(t.db, { publicationId: newsletterId, calendarFrom: "2040-05-01", calendarTo: "2040-05-31" });
    expect(list.map((e) => `${e.startsOn.slice(8)} ${e.title}${e.cancelled ? " (inställt)" : ""}`)).toEqual([
      "03 Heldag",
      "03 Kvällsmöte",
      "08 Språkcafé",
      "20 Inställt (inställt)",
      "22 Språkcafé (inställt)",
      "31 Sista dagen",
    ]);
    expect(list[1]).toEqual({
      title: "Kvällsmöte",
      startsOn: "2040-05-03",
      startTime: "18:00:00",
      endsOn: null,
      endTime: null,
      place: "",
      description: "",
      link: null,
      cancelled: false,
    });
  });

  it("is empty without a window", async () => {
    expect(await calendarForIssue(t.db, { publicationId: newsletterId, calendarFrom: null, calendarTo: null })).toEqual([]);
  });
});

describe("freezeCalendar", () => {
  it("copies the events into the issue, unaffected by later changes to the events", async () => {
    const [pub] = await t.db.select().from(publications).where(eq(publications.kind, "newsletter"));
    const redaktor = await actorByEmail(t.db, "redaktor@exempelby.test");
    const issue = await createIssue(t.db, redaktor, { publicationId: pub!.id }, new Date("2040-04-15T10:00:00Z"));
    const frozen = await t.db.transaction((tx) => freezeCalendar(tx, issue.id));
    expect(frozen.map((e) => e.title)).toEqual(["Heldag", "Kvällsmöte", "Språkcafé", "Inställt", "Språkcafé", "Sista dagen"]);
    await t.db.update(events).set({ title: "Flyttat" }).where(eq(events.title, "Heldag"));
    const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue.id));
    expect(row!.frozenCalendar?.[0]?.title).toBe("Heldag");
    const loaded = await loadIssue(t.db, issue.id);
    expect(loaded).toMatchObject({ id: issue.id, status: "draft", version: 1, calendarFrom: "2040-05-01", articles: [] });
  });
});
