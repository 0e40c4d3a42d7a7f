import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  contentItems,
  events,
  newsletterIssues,
  publications,
  revisions,
  subscriberPublications,
  subscribers,
  subscriptionConfirmations,
  subscriptionConsents,
  users,
} from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { authenticate } from "@/lib/auth/authenticate";
import { validateDocument } from "@/lib/content/validate";
import { proposeIssue } from "@/lib/issues/issues";
import { seedDemo } from "./demo";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

let t: TestDb;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function counts() {
  const [u] = await t.db.select({ n: count() }).from(users);
  const [i] = await t.db.select({ n: count() }).from(contentItems);
  const [e] = await t.db.select({ n: count() }).from(events);
  return { users: u!.n, items: i!.n, events: e!.n };
}

describe("seedDemo", () => {
  it("seeds the demo municipality once, and a second run changes nothing", async () => {
    expect(await seedDemo(t.db, { now })).toBe("seeded");
    const first = await counts();
    expect(first.users).toBe(4);
    expect(first.items).toBeGreaterThan(8);
    expect(await seedDemo(t.db, { now })).toBe("already-seeded");
    expect(await counts()).toEqual(first);
  });

  it("seeds three confirmed subscribers with their consent records and one pending request", async () => {
    const rows = await t.db.select().from(subscribers);
    expect(rows.filter((row) => row.confirmedAt)).toHaveLength(3);
    expect(rows.filter((row) => !row.confirmedAt)).toHaveLength(1);
    expect(rows.every((row) => row.email.endsWith("@exempelby.test"))).toBe(true);
    expect(await t.db.select().from(subscriptionConsents)).toHaveLength(3);
    const confirmations = await t.db.select().from(auditLog).where(eq(auditLog.action, "subscriber.confirmed"));
    expect(confirmations).toHaveLength(3);
    expect(JSON.stringify(confirmations)).not.toContain("@exempelby.test");
    expect(await t.db.select().from(subscriberPublications)).toHaveLength(4);
    const [pending] = await t.db.select().from(subscriptionConfirmations);
    expect(pending!.usedAt).toBeNull();
    expect(pending!.expiresAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("creates two published numbered issues of the seed date's year and one draft", async () => {
    const issues = await t.db.select().from(newsletterIssues).orderBy(newsletterIssues.number);
    const published = issues.filter((i) => i.status === "published");
    expect(published.map((i) => [i.year, i.number])).toEqual([
      [2026, 10],
      [2026, 11],
    ]);
    expect(published.every((i) => (i.frozenCalendar ?? []).length > 0)).toBe(true);
    expect(issues.filter((i) => i.status === "draft")).toHaveLength(1);
  });

  it("numbers the draft issue as the create form would: the next number, and the form then proposes the one after", async () => {
    const [draft] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "draft"));
    expect([draft!.year, draft!.number, draft!.calendarFrom, draft!.calendarTo]).toEqual([2026, 12, "2026-12-01", "2026-12-31"]);
    expect(await proposeIssue(t.db, draft!.publicationId, now)).toMatchObject({ year: 2026, number: 13 });
  });

  it("puts the chief's posts in her blog and the other staff members' in Medarbetarbloggen", async () => {
    const posts = await t.db
      .select({ blog: publications.slug, byline: revisions.byline })
      .from(contentItems)
      .innerJoin(publications, eq(publications.id, contentItems.publicationId))
      .innerJoin(revisions, eq(revisions.id, contentItems.currentRevisionId))
      .where(eq(contentItems.kind, "post"));
    const titlesIn = (slug: string) => new Set(posts.filter((post) => post.blog === slug).flatMap((post) => post.byline.map((author) => author.title)));
    expect([...titlesIn("kommunchefen")]).toEqual(["Kommunchef"]);
    const staff = titlesIn("medarbetarbloggen");
    expect(staff).toContain("Planarkitekt");
    expect(staff).not.toContain("Kommunchef");
    expect(staff.size).toBeGreaterThanOrEqual(3);
  });

  it("stores only documents that pass the content validator", async () => {
    for (const revision of await t.db.select().from(revisions)) {
      const result = validateDocument(revision.body);
      expect(result.ok, `${revision.title}: ${result.ok ? "" : result.message}`).toBe(true);
    }
  });

  it("lets every demo user log in with the demo password", async () => {
    for (const user of DEMO_USERS) {
      const result = await authenticate(t.db, { email: user.email, password: DEMO_PASSWORD }, null);
      expect(result).toMatchObject({ ok: true, user: { email: user.email, role: user.role } });
    }
  });
});

describe("seedDemo on a database with real content", () => {
  let other: TestDb;
  beforeAll(async () => {
    other = await createTestDb();
    await other.db.insert(users).values({ email: "riktig@kommun.se", name: "Riktig Person", passwordHash: "x" });
  });
  afterAll(() => other.close());

  it("refuses unless forced", async () => {
    expect(await seedDemo(other.db, { now })).toBe("refused-has-content");
    const [row] = await other.db.select({ n: count() }).from(contentItems);
    expect(row!.n).toBe(0);
    expect(await seedDemo(other.db, { now, force: true })).toBe("seeded");
  });
});
