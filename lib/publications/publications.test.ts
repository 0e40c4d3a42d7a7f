import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publications } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { listPlacements } from "@/lib/editorial/placement";
import { createText } from "@/lib/editorial/create-text";
import { AppError } from "@/lib/errors";
import { createIssue } from "@/lib/issues/issues";
import { createPublication, setArchived, updatePublication } from "./publications";

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;

beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
});
afterAll(() => t.close());

const blog = (name: string, extra: Record<string, string> = {}) => ({
  kind: "blog",
  name,
  slug: "",
  description: "",
  responsiblePublisherId: "",
  editorId: "",
  editorLabel: "Redaktör",
  ...extra,
});

async function failure(run: Promise<unknown>): Promise<AppError> {
  const error = await run.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("createPublication", () => {
  it("makes a blog whose address comes from its name, and the writers can write in it", async () => {
    const { id, slug } = await createPublication(t.db, demo.admin, blog("Kulturskolans blogg", { responsiblePublisherId: demo.utgivare.id, editorId: demo.redaktor.id }));
    expect(slug).toBe("kulturskolans-blogg");
    expect((await listPlacements(t.db, demo.skribent)).map((option) => option.label)).toContain("Blogginlägg i Kulturskolans blogg");
    await createText(t.db, demo.skribent, { publicationId: id, title: "Vårkonserten" });
  });

  it("refuses a taken address, a bad one, and colophon people who may not answer for it", async () => {
    expect((await failure(createPublication(t.db, demo.admin, blog("Andra", { slug: "kommunchefen" })))).fieldErrors?.slug?.[0]).toBe(
      "Adressen ”kommunchefen” används redan av Kommunchefens blogg. Välj en annan.",
    );
    expect((await failure(createPublication(t.db, demo.admin, blog("Andra", { slug: "Å ä ö!" })))).fieldErrors?.slug?.[0]).toMatch(/små bokstäver a–z/);
    expect((await failure(createPublication(t.db, demo.admin, blog("Andra", { responsiblePublisherId: demo.skribent.id })))).fieldErrors?.responsiblePublisherId?.[0]).toMatch(
      /rollen Ansvarig utgivare/,
    );
    expect((await failure(createPublication(t.db, demo.redaktor, blog("Andra")))).code).toBe("FORBIDDEN");
  });
});

describe("updatePublication", () => {
  it("keeps a blog's address once something in it has been published", async () => {
    const [kommunchefen] = await t.db.select().from(publications).where(eq(publications.slug, "kommunchefen"));
    const input = { ...blog("Kommunchefens blogg", { slug: "ny-adress" }), description: "Ny beskrivning" };
    const error = await failure(updatePublication(t.db, demo.admin, kommunchefen!.id, input));
    expect(error.fieldErrors?.slug?.[0]).toMatch(/Adressen kan inte ändras när något har publicerats/);
    await updatePublication(t.db, demo.admin, kommunchefen!.id, { ...input, slug: "kommunchefen" });
    expect((await t.db.select().from(publications).where(eq(publications.id, kommunchefen!.id)))[0]!.description).toBe("Ny beskrivning");
  });
});

describe("archiving", () => {
  it("stops new texts, new issues and the placement list, and restoring opens it again", async () => {
    const { id } = await createPublication(t.db, demo.admin, blog("Tillfällig blogg"));
    await setArchived(t.db, demo.admin, id, true);
    const refused = await failure(createText(t.db, demo.skribent, { publicationId: id, title: "För sent" }));
    expect(refused.message).toBe("Tillfällig blogg är arkiverad. Det går inte att skriva något nytt i den.");
    expect((await listPlacements(t.db, demo.skribent)).map((option) => option.label)).not.toContain("Blogginlägg i Tillfällig blogg");
    await setArchived(t.db, demo.admin, id, false);
    await createText(t.db, demo.skribent, { publicationId: id, title: "I tid" });

    const newsletter = await createPublication(t.db, demo.admin, { ...blog("Gamla nyhetsbrevet"), kind: "newsletter" });
    await setArchived(t.db, demo.admin, newsletter.id, true);
    expect((await failure(createIssue(t.db, demo.redaktor, { publicationId: newsletter.id, year: 2031 }, new Date("2031-03-10T10:00:00Z")))).message).toBe(
      "Gamla nyhetsbrevet är arkiverad. Det går inte att skriva något nytt i den.",
    );
  });

  it("gives a second newsletter's issues the year's next number, so no two issues share an address", async () => {
    const second = await createPublication(t.db, demo.admin, { ...blog("Skolnytt"), kind: "newsletter" });
    const now = new Date("2033-03-10T10:00:00Z");
    const first = await createIssue(t.db, demo.redaktor, { publicationId: demo.newsletterId, year: 2033 }, now);
    const next = await createIssue(t.db, demo.redaktor, { publicationId: second.id, year: 2033 }, now);
    expect([first.number, next.number]).toEqual([1, 2]);
    expect((await failure(createIssue(t.db, demo.redaktor, { publicationId: second.id, year: 2033, number: 1 }, now))).code).toBe("CONFLICT");
  });
});
