import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, reviewComments } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { createText } from "@/lib/editorial/create-text";
import { saveText } from "@/lib/editorial/save-text";
import { addComment, addCommentInTx, listComments, resolveComment } from "./comments";

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, utgivare: CurrentUser, admin: CurrentUser;
let blogId: string;

beforeAll(async () => {
  t = await createTestDb();
  ({ skribent, redaktor, utgivare, admin, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

async function textBy(actor: CurrentUser, title: string) {
  const { id } = await createText(t.db, actor, { publicationId: blogId, title });
  await saveText(t.db, actor, { id, baseVersion: 1, title, lead: "", slug: `text-${id.slice(0, 8)}`, tags: [], coverMediaId: null, body: doc(p("Torget byggs om i vår.")) });
  return id;
}

describe("review comments", () => {
  it("lets the utgivare comment on a passage and the writer reply; both see one thread", async () => {
    const itemId = await textBy(skribent, "Torget");
    const top = await addComment(t.db, utgivare, { itemId, body: "  Vilken vecka?  ", anchor: { from: 12, to: 18, text: "byggs " } });
    expect(top).toMatchObject({ body: "Vilken vecka?", authorName: "Karin Holm", parentId: null });
    await addComment(t.db, skribent, { itemId, parentId: top.id, body: "Vecka 12." });
    await addComment(t.db, redaktor, { itemId, body: "Bra text." });

    const threads = await listComments(t.db, skribent, itemId);
    expect(threads).toHaveLength(2);
    expect(threads[0]).toMatchObject({
      body: "Vilken vecka?",
      authorName: "Karin Holm",
      anchor: { from: 12, to: 18, text: "byggs " },
      resolved: false,
      replies: [{ body: "Vecka 12.", authorName: "Sara Lind" }],
    });
    expect(threads[0]!.revisionId).toBeTruthy();
    expect(threads[1]).toMatchObject({ body: "Bra text.", anchor: null, replies: [] });

    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, itemId), eq(auditLog.action, "comment.added")));
    expect(audit).toHaveLength(2);
  });

  it("stores the item's current revision", async () => {
    const itemId = await textBy(skribent, "Revision");
    const { id } = await addComment(t.db, utgivare, { itemId, body: "Ok." });
    const [row] = await t.db.select().from(reviewComments).where(eq(reviewComments.id, id));
    const [thread] = await listComments(t.db, utgivare, itemId);
    expect(row!.revisionId).toBe(thread!.revisionId);
    expect(row!.revisionId).not.toBeNull();
  });

  it("resolves and reopens a thread, recording who resolved it", async () => {
    const itemId = await textBy(skribent, "Lös");
    const { id } = await addComment(t.db, utgivare, { itemId, body: "Rätta stavningen." });
    await resolveComment(t.db, skribent, { id, resolved: true, itemId });
    let [thread] = await listComments(t.db, utgivare, itemId);
    expect(thread).toMatchObject({ resolved: true, resolvedByName: "Sara Lind" });
    expect(thread!.resolvedAt).toBeTruthy();
    await resolveComment(t.db, utgivare, { id, resolved: false });
    [thread] = await listComments(t.db, utgivare, itemId);
    expect(thread).toMatchObject({ resolved: false, resolvedByName: null, resolvedAt: null });
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.entityId, itemId))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["comment.resolved", "comment.reopened"]));
  });

  it("joins a reply to a reply to the same thread, and refuses to resolve a single reply", async () => {
    const itemId = await textBy(skribent, "Trådar");
    const top = await addComment(t.db, utgivare, { itemId, body: "Fråga." });
    const reply = await addComment(t.db, skribent, { itemId, parentId: top.id, body: "Svar." });
    const again = await addComment(t.db, utgivare, { itemId, parentId: reply.id, body: "Tack." });
    expect(again.parentId).toBe(top.id);
    await expect(resolveComment(t.db, skribent, { id: reply.id, resolved: true })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("works inside a caller's transaction and rolls back with it", async () => {
    const itemId = await textBy(skribent, "Transaktion");
    await expect(
      t.db.transaction(async (tx) => {
        await addCommentInTx(tx, utgivare, { itemId, body: "Ändra inledningen." });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow("the state change failed");
    expect(await listComments(t.db, utgivare, itemId)).toEqual([]);
    await t.db.transaction((tx) => addCommentInTx(tx, utgivare, { itemId, body: "Ändra inledningen." }));
    expect(await listComments(t.db, utgivare, itemId)).toHaveLength(1);
    await expect(t.db.transaction((tx) => addCommentInTx(tx, utgivare, { itemId, body: "   " }))).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Skriv en kommentar." });
  });
});

describe("who may comment", () => {
  it("refuses a skribent on someone else's text, for reading, adding and resolving", async () => {
    const itemId = await textBy(redaktor, "Redaktörens");
    const { id } = await addComment(t.db, utgivare, { itemId, body: "Ok." });
    await expect(listComments(t.db, skribent, itemId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addComment(t.db, skribent, { itemId, body: "Hej" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveComment(t.db, skribent, { id, resolved: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses the admin, who runs the system, not the content", async () => {
    const itemId = await textBy(skribent, "Admin");
    const { id } = await addComment(t.db, redaktor, { itemId, body: "Ok." });
    await expect(listComments(t.db, admin, itemId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addComment(t.db, admin, { itemId, body: "Hej" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resolveComment(t.db, admin, { id, resolved: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an inactive user", async () => {
    const itemId = await textBy(skribent, "Inaktiv");
    const inactive = { ...skribent, active: false } as unknown as CurrentUser;
    await expect(addComment(t.db, inactive, { itemId, body: "Hej" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("hostile input", () => {
  it("refuses empty and over-long comments with a Swedish message", async () => {
    const itemId = await textBy(skribent, "Längd");
    await expect(addComment(t.db, skribent, { itemId, body: " \n " })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Skriv en kommentar." });
    await expect(addComment(t.db, skribent, { itemId, body: "x".repeat(6000) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Kommentaren får vara högst 5 000 tecken.",
    });
    await expect(addComment(t.db, skribent, { itemId, body: 42 as unknown as string })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await addComment(t.db, skribent, { itemId, body: "x".repeat(5000) });
  });

  it("refuses a reply to a comment on another text, and a reply with an anchor", async () => {
    const mine = await textBy(skribent, "Min");
    const other = await textBy(redaktor, "Annan");
    const foreign = await addComment(t.db, redaktor, { itemId: other, body: "Hemligt." });
    await expect(addComment(t.db, skribent, { itemId: mine, parentId: foreign.id, body: "Svar" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const top = await addComment(t.db, skribent, { itemId: mine, body: "Fråga" });
    await expect(addComment(t.db, skribent, { itemId: mine, parentId: top.id, body: "Svar", anchor: { from: 1, to: 3, text: "To" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // Resolving through another text's address is not possible either.
    await expect(resolveComment(t.db, skribent, { id: foreign.id, itemId: mine, resolved: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses malformed anchors and ids", async () => {
    const itemId = await textBy(skribent, "Ankare");
    await expect(addComment(t.db, skribent, { itemId, body: "a", anchor: { from: 5, to: 2, text: "ab" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(addComment(t.db, skribent, { itemId, body: "a", anchor: { from: 1, to: 2, text: "   " } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(addComment(t.db, skribent, { itemId, body: "a", anchor: { from: 1, to: 2, text: "y".repeat(6000) } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(addComment(t.db, skribent, { itemId: "inte-ett-id", body: "a" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(listComments(t.db, skribent, "inte-ett-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addComment(t.db, skribent, { itemId: crypto.randomUUID(), body: "a" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
