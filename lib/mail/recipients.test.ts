import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemAuthors, publications, users } from "@/db/schema";
import { seedDemo } from "@/lib/demo/demo";
import { actorByEmail } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { createText } from "@/lib/editorial/create-text";
import { utgivareRecipients, writerRecipients } from "./recipients";

let t: TestDb;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  await seedDemo(t.db);
  const [blog] = await t.db.select().from(publications).where(eq(publications.slug, "kommunchefen"));
  blogId = blog!.id;
});
afterAll(() => t.close());

async function addUser(email: string, role: "skribent" | "utgivare", active: boolean) {
  const [row] = await t.db.insert(users).values({ email, name: email, role, active, passwordHash: "x" }).returning({ id: users.id });
  return row!.id;
}

describe("utgivareRecipients", () => {
  it("lists the active utgivare only", async () => {
    await addUser("tidigare.utgivare@exempelby.test", "utgivare", false);
    await addUser("ny.utgivare@exempelby.test", "utgivare", true);
    expect(await utgivareRecipients(t.db)).toEqual(["ny.utgivare@exempelby.test", "utgivare@exempelby.test"]);
  });
});

describe("writerRecipients", () => {
  it("lists the active authors and the creator of a text, each once", async () => {
    const redaktor = await actorByEmail(t.db, "redaktor@exempelby.test");
    const skribent = await actorByEmail(t.db, "skribent@exempelby.test");
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Flera författare" });
    const gone = await addUser("slutat@exempelby.test", "skribent", false);
    await t.db.insert(itemAuthors).values([
      { itemId: id, userId: skribent.id },
      { itemId: id, userId: gone },
    ]);
    // The creator is also an author: listed once.
    expect((await writerRecipients(t.db, id)).sort()).toEqual(["redaktor@exempelby.test", "skribent@exempelby.test"]);

    // A creator who is no longer an author still hears about the text.
    await t.db.delete(itemAuthors).where(eq(itemAuthors.userId, redaktor.id));
    expect((await writerRecipients(t.db, id)).sort()).toEqual(["redaktor@exempelby.test", "skribent@exempelby.test"]);
  });

  it("returns nobody for an unknown text", async () => {
    expect(await writerRecipients(t.db, "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});
