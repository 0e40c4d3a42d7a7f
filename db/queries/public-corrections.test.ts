import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, corrections, revisions } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { createTestDb, type TestDb } from "@/db/testing";
import { getCorrections } from "@/db/queries/public/corrections";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db, { now: new Date() });
});
afterAll(() => t.close());

async function itemBySlug(slug: string) {
  const [item] = await t.db.select().from(contentItems).where(eq(contentItems.slug, slug));
  return item!;
}

async function correct(itemId: string, text: string, createdAt = new Date(), revisionId: string | null = null) {
  await t.db.insert(corrections).values({ itemId, text, createdAt, revisionId });
}

describe("getCorrections", () => {
  it("returns the seeded Rättelse of a live post", async () => {
    const post = await itemBySlug("elevrad-vattentryck-och-ett-stort-tack");
    const found = await getCorrections(t.db, [post.id]);
    expect(found.get(post.id)).toEqual([expect.objectContaining({ text: expect.stringContaining("trettiotal hushåll") })]);
  });

  it("returns a live text's corrections oldest first, grouped by text", async () => {
    const post = await itemBySlug("en-kvall-med-nattpersonalen-pa-solgarden");
    await correct(post.id, "Andra rättelsen", new Date("2026-02-02T10:00:00Z"));
    await correct(post.id, "Första rättelsen", new Date("2026-02-01T10:00:00Z"));
    const found = await getCorrections(t.db, [post.id]);
    expect(found.get(post.id)!.map((c) => c.text)).toEqual(["Första rättelsen", "Andra rättelsen"]);
    expect([...found.keys()]).toEqual([post.id]);
    expect((await getCorrections(t.db, [])).size).toBe(0);
  });

  it("hides corrections of a draft, a text in review and a withdrawn text", async () => {
    const inReview = await itemBySlug("tankar-infor-budgetarbetet");
    const draft = await itemBySlug("ny-detaljplan-norrbacken");
    const withdrawn = await itemBySlug("vad-tycker-exempelbyborna");
    await t.db.update(contentItems).set({ withdrawnAt: new Date() }).where(eq(contentItems.id, withdrawn.id));
    for (const item of [inReview, draft, withdrawn]) await correct(item.id, "Får inte synas");
    const found = await getCorrections(t.db, [inReview.id, draft.id, withdrawn.id]);
    expect(found.size).toBe(0);
  });

  it("hides a correction tied to a corrected version that is not yet published", async () => {
    const post = await itemBySlug("tre-kollegor-om-en-tryggare-kommun");
    const [current] = await t.db.select().from(revisions).where(eq(revisions.id, post.publishedRevisionId!));
    const [next] = await t.db
      .insert(revisions)
      .values({ ...current!, id: undefined, number: current!.number + 1, createdAt: new Date() })
      .returning({ id: revisions.id });
    await correct(post.id, "Väntar på utgivaren", new Date(), next!.id);
    expect((await getCorrections(t.db, [post.id])).get(post.id)).toBeUndefined();
    await t.db.update(contentItems).set({ publishedRevisionId: next!.id }).where(eq(contentItems.id, post.id));
    expect((await getCorrections(t.db, [post.id])).get(post.id)!.map((c) => c.text)).toEqual(["Väntar på utgivaren"]);
  });
});
