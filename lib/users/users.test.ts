import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuthorSlugs, getRenamedAuthorSlug } from "@/lib/users/author-slugs";
import { accountTokens, auditLog, authorSlugRedirects, mailMessages, users } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { authenticate } from "@/lib/auth/authenticate";
import { PASSWORD_TOO_COMMON, PASSWORD_TOO_SHORT } from "@/lib/auth/password-policy";
import { sessionUser } from "@/lib/auth/sessions";
import type { AppError } from "@/lib/errors";
import { backfillAuthorSlugs } from "./author-slugs";
import { choosePassword, LINK_NOT_VALID, PASSWORDS_DIFFER } from "./choose-password";
import { EMAIL_TAKEN, inviteUser, resendInvite } from "./invite-user";
import { LAST_ADMIN_DEACTIVATE, LAST_ADMIN_ROLE } from "./last-admin";
import { requestPasswordReset } from "./request-password-reset";
import { deactivateUser, reactivateUser } from "./set-user-active";
import { RESET_TTL_MS } from "./tokens";
import { updateUser } from "./update-user";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
});
afterAll(() => t.close());

const GOOD = "Trädgårdsmästare-42";
// The clock the tests run on: every date below is relative to it, so the tests pass on any day.
const T0 = new Date("2026-03-10T08:00:00Z");
const later = (ms: number) => new Date(T0.getTime() + ms);

/** The token in the newest mail to `to` of `kind`, as the recipient would click it. */
async function linkTokenIn(to: string, kind: string): Promise<string> {
  const [mail] = await t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.to, to), eq(mailMessages.kind, kind)))
    .orderBy(desc(mailMessages.createdAt))
    .limit(1);
  const token = mail?.text.match(/\/logga-in\/valj-losenord\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`No link in the mail to ${to}`);
  return token;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: AppError) => error,
  );

async function invited(email: string, name = "Nina Ny", role: "skribent" | "redaktor" | "admin" = "skribent") {
  const { id } = await inviteUser(t.db, demo.admin, { name, email, jobTitle: "Fritidsledare", role }, T0);
  return { id, token: await linkTokenIn(email, "user.invite") };
}

async function accepted(email: string, name?: string, role?: "skribent" | "redaktor" | "admin") {
  const { id, token } = await invited(email, name, role);
  await choosePassword(t.db, { token, password: GOOD, repeat: GOOD }, later(1000));
  return id;
}

describe("invite → choose a password → log in", () => {
  it("makes an account that cannot log in until the person has chosen a password from the mail", async () => {
    const { id, token } = await invited("nina.ny@exempelby.test");
    const [user] = await t.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ passwordHash: null, active: true, role: "skribent", jobTitle: "Fritidsledare", slug: "nina-ny" });
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, "nina.ny@exempelby.test"));
    expect(mail!.subject).toContain("välj ditt lösenord");
    expect(mail!.text).toContain("Ali Hassan har bjudit in dig");
    expect(mail!.text).toContain("rollen skribent");
    expect(mail!.text).toContain("13 mars 2026");
    // Only the hash is stored.
    const tokens = await t.db.select().from(accountTokens).where(eq(accountTokens.userId, id));
    expect(tokens.map((row) => row.tokenHash)).not.toContain(token);
    expect(tokens[0]!.expiresAt).toEqual(later(72 * 3600 * 1000));

    expect(await authenticate(t.db, { email: "nina.ny@exempelby.test", password: GOOD }, null)).toEqual({ ok: false, reason: "invalid" });

    const short = await failure(choosePassword(t.db, { token, password: "kort", repeat: "kort" }, later(1000)));
    expect(short.fieldErrors).toEqual({ password: [PASSWORD_TOO_SHORT] });
    const common = await failure(choosePassword(t.db, { token, password: "password1234", repeat: "password1234" }, later(1000)));
    expect(common.fieldErrors).toEqual({ password: [PASSWORD_TOO_COMMON] });
    const differ = await failure(choosePassword(t.db, { token, password: GOOD, repeat: `${GOOD}!` }, later(1000)));
    expect(differ.fieldErrors).toEqual({ repeat: [PASSWORDS_DIFFER] });

    expect(await choosePassword(t.db, { token, password: GOOD, repeat: GOOD }, later(1000))).toEqual({ purpose: "invite", email: "nina.ny@exempelby.test" });
    const login = await authenticate(t.db, { email: "nina.ny@exempelby.test", password: GOOD }, null);
    expect(login).toMatchObject({ ok: true, user: { id, role: "skribent" } });

    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invited", "user.password_chosen"]));
  });

  it("refuses an address that already has an account, in Swedish, whatever its case", async () => {
    const error = await failure(inviteUser(t.db, demo.admin, { name: "Sara Lind", email: "Skribent@Exempelby.test", jobTitle: "", role: "skribent" }, T0));
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [EMAIL_TAKEN] } });
  });

  it("says in Swedish what is wrong with the form, field by field", async () => {
    const error = await failure(inviteUser(t.db, demo.admin, { name: "", email: "inte en adress", jobTitle: "x".repeat(121), role: "chef" }, T0));
    expect(error).toMatchObject({ code: "INVALID_INPUT", message: "Inbjudan skickades inte. Rätta fälten som är markerade." });
    expect(error.fieldErrors).toEqual({
      name: ["Skriv personens namn."],
      email: ["Skriv en e-postadress, till exempel namn@kommun.se."],
      jobTitle: ["Högst 120 tecken."],
      role: ["Välj en roll."],
    });
  });

  it("lets an invitation expire after 72 hours, and a new one replaces it", async () => {
    const { id, token } = await invited("sen@exempelby.test", "Sven Sen");
    const expired = await failure(choosePassword(t.db, { token, password: GOOD, repeat: GOOD }, later(72 * 3600 * 1000 + 1)));
    expect(expired.message).toBe(LINK_NOT_VALID);
    await resendInvite(t.db, demo.admin, { id }, T0);
    const fresh = await linkTokenIn("sen@exempelby.test", "user.invite");
    expect(fresh).not.toBe(token);
    expect((await failure(choosePassword(t.db, { token, password: GOOD, repeat: GOOD }, later(1000)))).message).toBe(LINK_NOT_VALID);
    await choosePassword(t.db, { token: fresh, password: GOOD, repeat: GOOD }, later(1000));
    await expect(resendInvite(t.db, demo.admin, { id }, T0)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("is for admins only", async () => {
    for (const actor of [demo.skribent, demo.redaktor, demo.utgivare]) {
      await expect(inviteUser(t.db, actor, { name: "Otto", email: "otto@exempelby.test", jobTitle: "", role: "admin" }, T0)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.select().from(users).where(eq(users.email, "otto@exempelby.test"))).toEqual([]);
  });
});

describe("deactivation", () => {
  it("ends a live session at once and refuses log-in; reactivation lets the person in again", async () => {
    const id = await accepted("deaktiveras@exempelby.test", "Dora Dahl");
    const login = await authenticate(t.db, { email: "deaktiveras@exempelby.test", password: GOOD }, null);
    if (!login.ok) throw new Error("log-in failed");
    const live = { userId: id, sessionId: crypto.randomUUID(), sessionVersion: login.user.sessionVersion };
    expect(await sessionUser(t.db, live)).toMatchObject({ id });

    await deactivateUser(t.db, demo.admin, { id }, T0);
    expect(await sessionUser(t.db, live)).toBeNull();
    expect(await authenticate(t.db, { email: "deaktiveras@exempelby.test", password: GOOD }, null)).toEqual({ ok: false, reason: "invalid" });
    // No reset link for an inactive account either.
    expect(await requestPasswordReset(t.db, { email: "deaktiveras@exempelby.test" }, null, T0)).toEqual({ ok: true, sent: false });

    await reactivateUser(t.db, demo.admin, { id }, T0);
    expect(await authenticate(t.db, { email: "deaktiveras@exempelby.test", password: GOOD }, null)).toMatchObject({ ok: true });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["user.deactivated", "user.reactivated"]));
  });

  it("keeps the last active admin: not deactivated, not given another role", async () => {
    await expect(deactivateUser(t.db, demo.admin, { id: demo.admin.id }, T0)).rejects.toMatchObject({ code: "CONFLICT", message: LAST_ADMIN_DEACTIVATE });
    await expect(updateUser(t.db, demo.admin, { id: demo.admin.id, name: demo.admin.name, jobTitle: "", role: "redaktor" }, T0)).rejects.toMatchObject({
      code: "CONFLICT",
      message: LAST_ADMIN_ROLE,
    });
    // With a second admin the first may go.
    const second = await accepted("admin2@exempelby.test", "Adam Andra", "admin");
    const [secondAdmin] = await t.db.select().from(users).where(eq(users.id, second));
    const asSecond = { id: second, name: secondAdmin!.name, email: secondAdmin!.email, jobTitle: "", role: "admin" as const, active: true as const };
    await deactivateUser(t.db, asSecond, { id: demo.admin.id }, T0);
    await expect(deactivateUser(t.db, asSecond, { id: second }, T0)).rejects.toMatchObject({ message: LAST_ADMIN_DEACTIVATE });
    await reactivateUser(t.db, asSecond, { id: demo.admin.id }, T0);
  });
});

describe("password reset", () => {
  it("gives a link valid one hour that works once, and the same answer for unknown addresses", async () => {
    await accepted("glomsk@exempelby.test", "Gun Glömsk");
    expect(await requestPasswordReset(t.db, { email: "finns.inte@exempelby.test" }, null, T0)).toEqual({ ok: true, sent: false });
    expect(await requestPasswordReset(t.db, { email: "Glomsk@Exempelby.test" }, null, T0)).toEqual({ ok: true, sent: true });
    const first = await linkTokenIn("glomsk@exempelby.test", "user.reset");
    // A second request voids the first link.
    await requestPasswordReset(t.db, { email: "glomsk@exempelby.test" }, null, later(1000));
    const second = await linkTokenIn("glomsk@exempelby.test", "user.reset");
    expect(second).not.toBe(first);
    const NEW = "Blåbärsskogen i augusti";
    await expect(choosePassword(t.db, { token: first, password: NEW, repeat: NEW }, later(2000))).rejects.toMatchObject({ message: LINK_NOT_VALID });
    // Expired one hour after it was made.
    await expect(choosePassword(t.db, { token: second, password: NEW, repeat: NEW }, later(1000 + RESET_TTL_MS + 1))).rejects.toMatchObject({ message: LINK_NOT_VALID });
    expect(await choosePassword(t.db, { token: second, password: NEW, repeat: NEW }, later(1000 + RESET_TTL_MS - 1))).toMatchObject({ purpose: "reset" });
    await expect(choosePassword(t.db, { token: second, password: NEW, repeat: NEW }, later(1000 + RESET_TTL_MS - 1))).rejects.toMatchObject({ message: LINK_NOT_VALID });
    expect(await authenticate(t.db, { email: "glomsk@exempelby.test", password: NEW }, null)).toMatchObject({ ok: true });
  });

  it("is limited per address, the same for an address without an account", async () => {
    for (const email of ["many@exempelby.test", "skribent@exempelby.test"]) {
      for (let n = 0; n < 3; n++) expect(await requestPasswordReset(t.db, { email }, null, T0)).toMatchObject({ ok: true });
      expect(await requestPasswordReset(t.db, { email }, null, T0)).toEqual({ ok: false, reason: "rate_limited" });
    }
  });
});

describe("author pages follow a name change", () => {
  it("gives a new slug, keeps the old as a redirect, and gives it back when the name comes back", async () => {
    const id = await accepted("byter.namn@exempelby.test", "Maja Möller");
    expect((await getAuthorSlugs(t.db)).get(id)).toBe("maja-moller");
    await updateUser(t.db, demo.admin, { id, name: "Maja Lind", jobTitle: "Fritidsledare", role: "skribent" }, T0);
    expect((await getAuthorSlugs(t.db)).get(id)).toBe("maja-lind");
    expect(await getRenamedAuthorSlug(t.db, "maja-moller")).toBe("maja-lind");
    // Nobody new gets the old address.
    const namesake = await accepted("annan.maja@exempelby.test", "Maja Möller");
    expect((await getAuthorSlugs(t.db)).get(namesake)).toBe("maja-moller-2");
    await updateUser(t.db, demo.admin, { id, name: "Maja Möller", jobTitle: "Fritidsledare", role: "skribent" }, T0);
    expect((await getAuthorSlugs(t.db)).get(id)).toBe("maja-moller");
    expect(await getRenamedAuthorSlug(t.db, "maja-lind")).toBe("maja-moller");
    const redirects = await t.db.select().from(authorSlugRedirects).where(eq(authorSlugRedirects.userId, id));
    expect(redirects.map((row) => row.slug)).toEqual(["maja-lind"]);
  });

  it("backfills accounts without a slug with the address the computed rule gave them", async () => {
    const [row] = await t.db.insert(users).values({ email: "gammal@exempelby.test", name: "Karin Holm", passwordHash: "x" }).returning();
    expect((await getAuthorSlugs(t.db)).get(row!.id)).toBe("karin-holm-2");
    expect(await backfillAuthorSlugs(t.db)).toBe(1);
    const [after] = await t.db.select().from(users).where(eq(users.id, row!.id));
    expect(after!.slug).toBe("karin-holm-2");
    expect(await backfillAuthorSlugs(t.db)).toBe(0);
  });
});
