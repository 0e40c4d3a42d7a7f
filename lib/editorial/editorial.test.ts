import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPost } from "@/db/queries/public/blogs";
import { auditLog, contentItems, revisions } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, link, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "./create-text";
import { deleteText } from "./delete-text";
import { overrideWarning } from "./override-warning";
import { restoreRevision } from "./restore-revision";
import { saveText } from "./save-text";
import { setAuthors } from "./set-authors";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, admin: CurrentUser;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, admin, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const content = (title: string, body = doc(p("Text."))) => ({ title, lead: "Ingress.", slug: slugFromTitle(title), tags: ["skola"], coverMediaId: null, body });

async function revisionCount(id: string) {
  const [row] = await t.db.select({ n: count() }).from(revisions).where(eq(revisions.itemId, id));
  return row!.n;
}

describe("createText and saveText", () => {
  it("creates a text owned by its writer, with a Swedish slug and a first revision", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Världens bästa vardag" });
    const [item] = await t.db.select().from(contentItems).where(eq(contentItems.id, id));
    expect(item).toMatchObject({ kind: "post", slug: "varldens-basta-vardag", status: "draft", version: 1 });
    expect(await revisionCount(id)).toBe(1);
  });

  it("saves every change as a new revision and bumps the version; an unchanged save is not a version", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Spara" });
    const first = await saveText(t.db, skribent, { id, baseVersion: 1, ...content("Spara", doc(h(2, "Rubrik"), p("Ett"))) });
    expect(first).toMatchObject({ status: "saved", version: 2, revisionNumber: 2 });
    const again = await saveText(t.db, skribent, { id, baseVersion: 2, ...content("Spara", doc(h(2, "Rubrik"), p("Ett"))) });
    expect(again).toMatchObject({ status: "saved", version: 2, revisionNumber: 2 });
    expect(await revisionCount(id)).toBe(2);
  });

  it("never overwrites a newer save: the older editor gets the server's copy instead", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Konflikt" });
    const mine = await saveText(t.db, redaktor, { id, baseVersion: 1, ...content("Redaktörens version") });
    expect(mine.status).toBe("saved");
    const theirs = await saveText(t.db, skribent, { id, baseVersion: 1, ...content("Skribentens version") });
    expect(theirs).toMatchObject({ status: "conflict", current: { title: "Redaktörens version", version: 2, savedBy: "Jonas Berg" } });
    const [item] = await t.db.select().from(contentItems).where(eq(contentItems.id, id));
    expect(item!.version).toBe(2);
  });

  it("lets exactly one of two simultaneous saves on the same version through", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Samtidigt" });
    const results = await Promise.all([saveText(t.db, redaktor, { id, baseVersion: 1, ...content("A") }), saveText(t.db, utgivare, { id, baseVersion: 1, ...content("B") })]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "saved"]);
    expect(await revisionCount(id)).toBe(2);
  });

  it("refuses writers who may not edit the text", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Redaktörens" });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...content("x") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveText(t.db, admin, { id, baseVersion: 1, ...content("x") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createText(t.db, admin, { publicationId: blogId, title: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await saveText(t.db, utgivare, { id, baseVersion: 1, ...content("Ändrad av utgivaren") })).status).toBe("saved");
  });

  it("rejects hostile documents and a slug already in use, with Swedish messages", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Fientlig" });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...content("x", doc(p(link("klick", "javascript:alert(1)")))) })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...content("x", { type: "doc", content: [{ type: "script" }] }) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...content("x"), coverMediaId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Omslagsbilden finns inte längre. Välj en annan.",
    });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...content("x"), slug: "varldens-basta-vardag" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { slug: [expect.stringContaining("används redan")] },
    });
  });
});

describe("editing a published text", () => {
  it("makes a new draft revision while readers keep the published one", async () => {
    const [published] = await t.db.select().from(contentItems).where(eq(contentItems.kind, "post"));
    const live = await getPost(t.db, "kommunchefen", published!.slug);
    expect(live).not.toBeNull();
    const result = await saveText(t.db, utgivare, {
      id: published!.id,
      baseVersion: published!.version,
      ...content("Ny rubrik som inte är godkänd"),
      slug: published!.slug,
    });
    expect(result.status).toBe("saved");
    expect((await getPost(t.db, "kommunchefen", published!.slug))!.title).toBe(live!.title);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, published!.id));
    expect(audits.map((a) => a.action)).toContain("item.edited_after_publish");
  });
});

describe("deleteText and restoreRevision", () => {
  it("deletes a draft, but never a published text or someone else's draft", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Ta bort mig" });
    const other = await createText(t.db, redaktor, { publicationId: blogId, title: "Inte din" });
    await expect(deleteText(t.db, skribent, other.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteText(t.db, skribent, id);
    expect(await t.db.select().from(contentItems).where(eq(contentItems.id, id))).toEqual([]);
    const [published] = await t.db.select().from(contentItems).where(eq(contentItems.status, "published"));
    await expect(deleteText(t.db, utgivare, published!.id)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("restores an old version as a new revision on top", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Versioner" });
    await saveText(t.db, skribent, { id, baseVersion: 1, ...content("Version två"), slug: "versioner" });
    await saveText(t.db, skribent, { id, baseVersion: 2, ...content("Version tre"), slug: "versioner" });
    const [first] = await t.db.select().from(revisions).where(eq(revisions.itemId, id)).orderBy(revisions.number);
    await expect(restoreRevision(t.db, skribent, { id, revisionId: first!.id, baseVersion: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    const restored = await restoreRevision(t.db, skribent, { id, revisionId: first!.id, baseVersion: 3 });
    expect(restored).toEqual({ version: 4, revisionNumber: 4 });
    const all = await t.db.select().from(revisions).where(eq(revisions.itemId, id)).orderBy(revisions.number);
    expect(all.map((r) => r.title)).toEqual(["Versioner", "Version två", "Version tre", "Versioner"]);
  });
});

describe("overrideWarning", () => {
  it("records a reasoned override on the text and in the audit log; a short reason is refused", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Layouttabell" });
    await expect(overrideWarning(t.db, skribent, { id, key: "table-no-header", reason: "kort" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Skriv en motivering på minst tio tecken.",
    });
    const overrides = await overrideWarning(t.db, skribent, { id, key: "table-no-header", reason: "Tabellen är bara en uppställning av adresser." });
    expect(overrides).toEqual([expect.objectContaining({ key: "table-no-header", userName: "Sara Lind" })]);
    await expect(overrideWarning(t.db, admin, { id, key: "x", reason: "Ingen rätt att göra detta." })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action)).toContain("item.warning_overridden");
  });
});

describe("setAuthors", () => {
  it("makes a co-author an owner and puts every author in the byline, as a new revision", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Tre kollegor" });
    expect((await saveText(t.db, skribent, { id, baseVersion: 1, ...content("x") }).catch((e: unknown) => e)) as { code: string }).toMatchObject({ code: "FORBIDDEN" });
    const result = await setAuthors(t.db, redaktor, {
      id,
      baseVersion: 1,
      authors: [
        { userId: redaktor.id, name: "Jonas Berg", title: "Informatör" },
        { userId: skribent.id, name: "Sara Lind", title: "Planarkitekt" },
        { userId: null, name: "Lena Ek", title: "Rektor" },
      ],
    });
    expect(result.version).toBe(2);
    expect(result.byline.map((b) => b.name)).toEqual(["Jonas Berg", "Sara Lind", "Lena Ek"]);
    expect((await saveText(t.db, skribent, { id, baseVersion: 2, ...content("Skribenten skriver också") })).status).toBe("saved");
  });

  it("refuses a stale version, an empty list, and a skribent removing themselves", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Ensam" });
    const me = { userId: skribent.id, name: "Sara Lind", title: "Planarkitekt" };
    await expect(setAuthors(t.db, skribent, { id, baseVersion: 9, authors: [me] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setAuthors(t.db, skribent, { id, baseVersion: 1, authors: [] })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(setAuthors(t.db, skribent, { id, baseVersion: 1, authors: [{ userId: redaktor.id, name: "Jonas Berg", title: "" }] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("ta bort dig själv"),
    });
  });
});
