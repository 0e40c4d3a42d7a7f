import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSiteSettings } from "@/db/queries/settings";
import { auditLog } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { saveAccessibilityStatement } from "./save-statement";

let t: TestDb;
let admin: CurrentUser, utgivare: CurrentUser;

beforeAll(async () => {
  t = await createTestDb();
  ({ admin, utgivare } = await seededDemo(t.db));
});
afterAll(() => t.close());

const valid = {
  scope: "Nyhetsbrev och bloggar på kommunbladet.exempelby.example.",
  conformance: "partial",
  shortcomings: "  Första bristen (WCAG 1.1.1)\r\n\n Andra bristen \n",
  disproportionateBurden: "",
  assessmentMethod: "Egen granskning med skärmläsare.",
  assessedOn: "2026-11-01",
  contactEmail: " tillganglighet@exempelby.test ",
  contactPhone: "0123-456 00",
  responseTime: "",
};

describe("saveAccessibilityStatement", () => {
  it("saves the statement with today's date as its update date, one shortcoming per line, audited", async () => {
    const now = new Date("2026-11-23T10:00:00Z");
    const saved = await saveAccessibilityStatement(t.db, admin, valid, now);
    expect(saved).toMatchObject({ shortcomings: ["Första bristen (WCAG 1.1.1)", "Andra bristen"], contactEmail: "tillganglighet@exempelby.test", updatedOn: "2026-11-23" });
    expect((await getSiteSettings(t.db))?.accessibility).toEqual(saved);
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "settings.updated"), eq(auditLog.actorId, admin.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ entityType: "settings", summary: "Uppdaterade tillgänglighetsredogörelsen" });
  });

  it("is for admins only", async () => {
    await expect(saveAccessibilityStatement(t.db, utgivare, valid)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("names every field that is wrong, in Swedish", async () => {
    const error = await saveAccessibilityStatement(t.db, admin, { ...valid, scope: " ", conformance: "kanske", contactEmail: "nej", assessedOn: "igår" }).catch((e) => e);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["assessedOn", "conformance", "contactEmail", "scope"]);
    expect(error.fieldErrors.contactEmail).toEqual(["Ange en e-postadress som läsare kan skriva till."]);
    await expect(saveAccessibilityStatement(t.db, admin, { ...valid, assessedOn: "2099-01-01" })).rejects.toMatchObject({
      fieldErrors: { assessedOn: ["Bedömningen kan inte vara gjord i framtiden."] },
    });
  });
});
