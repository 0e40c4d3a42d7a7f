import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { siteSettings, users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { authenticate } from "@/lib/auth/authenticate";
import { choosePassword } from "@/lib/users/choose-password";
import { ensureFirstAdmin } from "./first-admin";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const NOW = new Date("2027-01-04T08:00:00Z");
const input = { email: "It-Chef@Norrby.se", name: "Maria Nord", municipalityName: "Norrby kommun" };

describe("ensureFirstAdmin: a site started without the demo", () => {
  it("says so when there is no admin and no address to invite", async () => {
    expect(await ensureFirstAdmin(t.db, { ...input, email: undefined }, NOW)).toEqual({ kind: "no-email" });
    // The settings row is made anyway, so the public pages carry the municipality's name.
    expect((await t.db.select().from(siteSettings))[0]?.municipalityName).toBe("Norrby kommun");
  });

  it("invites the first admin, whose link leads to a log-in; after that it does nothing", async () => {
    const first = await ensureFirstAdmin(t.db, input, NOW);
    expect(first).toMatchObject({ kind: "invited", email: "it-chef@norrby.se", path: expect.stringMatching(/^\/logga-in\/valj-losenord\/[A-Za-z0-9_-]{43}$/) });
    // A restart before the password is chosen gives a new link and voids the old one.
    const second = await ensureFirstAdmin(t.db, input, NOW);
    if (first.kind !== "invited" || second.kind !== "invited") throw new Error("expected invitations");
    await expect(choosePassword(t.db, { token: first.path.split("/").at(-1), password: "Fjällräven springer", repeat: "Fjällräven springer" }, NOW)).rejects.toThrow();
    await choosePassword(t.db, { token: second.path.split("/").at(-1), password: "Fjällräven springer över myren", repeat: "Fjällräven springer över myren" }, NOW);

    const [admin] = await t.db.select().from(users).where(eq(users.email, "it-chef@norrby.se"));
    expect(admin).toMatchObject({ role: "admin", active: true, name: "Maria Nord" });
    expect(await authenticate(t.db, { email: "it-chef@norrby.se", password: "Fjällräven springer över myren" }, "127.0.0.1")).toMatchObject({ ok: true });
    expect(await ensureFirstAdmin(t.db, input, NOW)).toEqual({ kind: "not-needed" });
    expect((await t.db.select().from(siteSettings))[0]?.municipalityName).toBe("Norrby kommun");
  });
});
