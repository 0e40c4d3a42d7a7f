import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reviewComments } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { createText } from "@/lib/editorial/create-text";
import { AppError } from "@/lib/errors";

// Every role has "content.comment" today, so the table alone cannot show that addComment asks for
// it: here the table is the real one except that nobody may comment.
vi.mock("@/lib/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/permissions")>();
  return { ...actual, can: (...args: Parameters<typeof actual.can>) => args[1] !== "content.comment" && actual.can(...args) };
});

const { addComment } = await import("./comments");

let t: TestDb;
let skribent: CurrentUser, blogId: string;
beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

describe("commenting needs content.comment", () => {
  it("refuses a role without it and stores nothing", async () => {
    const { id } = await createText(t.db, skribent, { publicationId: blogId, title: "Behörighetsprov" });
    const refused = await addComment(t.db, skribent, { itemId: id, body: "Min egen kommentar." }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Du får inte kommentera texter." });
    expect(await t.db.select().from(reviewComments).where(eq(reviewComments.itemId, id))).toEqual([]);
  });
});
