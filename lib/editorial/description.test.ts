import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, revisions } from "@/db/schema";
import { seededDemo, textStep } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { createText } from "./create-text";
import { loadText } from "./load-text";
import { restoreRevision } from "./restore-revision";
import { saveText } from "./save-text";
import { setAuthors } from "./set-authors";

let t: TestDb;
let skribent: CurrentUser, utgivare: CurrentUser;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, utgivare, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const words = (title: string, slug: string) => ({
  title,
  lead: "Vad som gäller när snön kommer.",
  slug,
  tags: [],
  coverMediaId: null,
  body: doc(p("Plogbilarna går ut vid tio centimeter.")),
});

async function current(id: string) {
  return (await loadText(t.db, id)).current;
}

async function item(id: string) {
  const [row] = await t.db.select().from(contentItems).where(eq(contentItems.id, id));
  return row!;
}

describe("a text's description", () => {
  it("is saved trimmed, kept when left out of a save, and removed when emptied", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Snöröjning" });
    expect((await current(id)).description).toBeNull();

    await saveText(t.db, skribent, { id, baseVersion: 1, ...words("Snöröjning", "snorojning"), description: "  Så plogar kommunen i vinter.  " });
    expect((await current(id)).description).toBe("Så plogar kommunen i vinter.");

    // An editor opened before the field existed sends no description: it must not erase one.
    await saveText(t.db, skribent, { id, baseVersion: 2, ...words("Snöröjning i Exempelby", "snorojning") });
    expect((await current(id)).description).toBe("Så plogar kommunen i vinter.");

    await saveText(t.db, skribent, { id, baseVersion: 3, ...words("Snöröjning i Exempelby", "snorojning"), description: "   " });
    expect((await current(id)).description).toBeNull();
  });

  it("is refused over 300 characters, with a Swedish message beside the field", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "För lång" });
    await expect(saveText(t.db, skribent, { id, baseVersion: 1, ...words("För lång", "for-lang"), description: "å".repeat(301) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { description: ["Beskrivningen får vara högst 300 tecken."] },
    });
    const saved = await saveText(t.db, skribent, { id, baseVersion: 1, ...words("För lång", "for-lang"), description: "å".repeat(300) });
    expect(saved.status).toBe("saved");
  });

  it("is part of what the utgivare approves: an empty one keeps the approval, a written one voids it", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Godkänd" });
    await saveText(t.db, skribent, { id, baseVersion: 1, ...words("Godkänd", "godkand") });
    await textStep(t.db, id, skribent, "submit");
    await textStep(t.db, id, utgivare, "approve");
    const approved = await item(id);
    expect(approved.status).toBe("approved");

    // The same words with an empty description: the same hash, so no new version and the approval stands.
    const unchanged = await saveText(t.db, skribent, { id, baseVersion: approved.version, ...words("Godkänd", "godkand"), description: "" });
    expect(unchanged).toMatchObject({ status: "saved", version: approved.version });
    expect(await item(id)).toMatchObject({ status: "approved", approvedContentHash: approved.approvedContentHash });

    // Readers would see the description in search results and link previews: the approval no longer covers it.
    const described = await saveText(t.db, skribent, { id, baseVersion: approved.version, ...words("Godkänd", "godkand"), description: "En ny beskrivning." });
    expect(described).toMatchObject({ status: "saved", version: approved.version + 1 });
    expect(await item(id)).toMatchObject({ status: "draft", approvedContentHash: null });
  });

  it("travels with a restored version and survives a change of authors", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Historik" });
    await saveText(t.db, skribent, { id, baseVersion: 1, ...words("Historik", "historik"), description: "Den första beskrivningen." });
    await saveText(t.db, skribent, { id, baseVersion: 2, ...words("Historik", "historik"), description: "" });
    const [second] = await t.db.select().from(revisions).where(eq(revisions.itemId, id)).orderBy(revisions.number).offset(1).limit(1);
    await restoreRevision(t.db, skribent, { id, revisionId: second!.id, baseVersion: 3 });
    expect((await current(id)).description).toBe("Den första beskrivningen.");

    await setAuthors(t.db, skribent, { id, baseVersion: 4, authors: [{ userId: skribent.id, name: skribent.name, title: skribent.jobTitle }] });
    expect((await current(id)).description).toBe("Den första beskrivningen.");
  });
});
