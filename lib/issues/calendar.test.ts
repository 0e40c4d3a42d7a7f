import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, newsletterIssues, publications } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { actorByEmail } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { calendarForIssue, freezeCalendar } from "./calendar";
import { createIssue } from "./issues";
import { loadIssue } from "./load-issue";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  await t.db.insert(events).values([
    { title: "Sista dagen", startsOn: "2040-05-31", place: "Torget" },
    { title: "Kvällsmöte", startsOn: "2040-05-03", startTime: "18:00" },
    { title: "Heldag", startsOn: "2040-05-03" },
    { title: "Före fönstret", startsOn: "2040-04-30" },
    { title: "Efter fönstret", startsOn: "2040-06-01" },
    { title: "Inte klart än", startsOn: "2040-05-10", listed: false },
    { title: "Inställt", startsOn: "2040-05-20", cancelled: true },
  ]);
});
afterAll(() => t.close());

describe("calendarForIssue", () => {
  it("lists the listed events starting inside the window, all-day before timed on the same day", async () => {
    const list = await calendarForIssue(t.db, { calendarFrom: "2040-05-01", calendarTo: "2040-05-31" });
    expect(list.map((e) => e.title)).toEqual(["Heldag", "Kvällsmöte", "Inställt", "Sista dagen"]);
    expect(list[1]).toMatchObject({ startTime: "18:00:00", endsOn: null, link: null, cancelled: false });
    expect(list[2]!.cancelled).toBe(true);
  });

  it("is empty without a window", async () => {
    expect(await calendarForIssue(t.db, { calendarFrom: null, calendarTo: null })).toEqual([]);
  });
});

describe("freezeCalendar", () => {
  it("copies the events into the issue, unaffected by later changes to the events", async () => {
    const [pub] = await t.db.select().from(publications).where(eq(publications.kind, "newsletter"));
    const redaktor = await actorByEmail(t.db, "redaktor@exempelby.test");
    const issue = await createIssue(t.db, redaktor, { publicationId: pub!.id }, new Date("2040-04-15T10:00:00Z"));
    const frozen = await t.db.transaction((tx) => freezeCalendar(tx, issue.id));
    expect(frozen.map((e) => e.title)).toEqual(["Heldag", "Kvällsmöte", "Inställt", "Sista dagen"]);
    await t.db.update(events).set({ title: "Flyttat" }).where(eq(events.title, "Heldag"));
    const [row] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issue.id));
    expect(row!.frozenCalendar?.[0]?.title).toBe("Heldag");
    const loaded = await loadIssue(t.db, issue.id);
    expect(loaded).toMatchObject({ id: issue.id, status: "draft", version: 1, calendarFrom: "2040-05-01", articles: [] });
  });
});
