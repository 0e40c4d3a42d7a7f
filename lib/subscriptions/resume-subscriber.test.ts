import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, subscribers } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { seededDemo } from "@/db/testing/actors";
import { resumeSubscriber } from "./resume-subscriber";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
}, 60_000);
afterAll(() => t.close());

describe("Återuppta utskick", () => {
  it("lets a paused address get mail again, logged without the address", async () => {
    const [paused] = await t.db
      .insert(subscribers)
      .values({ email: "full.brevlada@exempel.test", confirmedAt: new Date("2026-10-01T08:00:00Z"), permanentFailures: 3, pausedAt: new Date("2026-11-01T08:00:00Z") })
      .returning();
    await expect(resumeSubscriber(t.db, demo.skribent, paused!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await resumeSubscriber(t.db, demo.redaktor, paused!.id);
    const [row] = await t.db.select().from(subscribers).where(eq(subscribers.id, paused!.id));
    expect(row).toMatchObject({ pausedAt: null, permanentFailures: 0 });
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, "subscriber.resumed"));
    expect(entry!.entityId).toBe(paused!.id);
    expect(JSON.stringify(entry)).not.toContain("full.brevlada");
    // Not paused (any more), or unknown: a clear refusal, nothing written.
    await expect(resumeSubscriber(t.db, demo.redaktor, paused!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resumeSubscriber(t.db, demo.redaktor, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, "subscriber.resumed"))).toHaveLength(1);
  });
});
