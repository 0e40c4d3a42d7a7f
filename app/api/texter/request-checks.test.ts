import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { contentItems, reviewComments } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, p } from "@/lib/content/build";
import { createText } from "@/lib/editorial/create-text";
import { AppError } from "@/lib/errors";
import { addComment } from "@/lib/review/comments";

// The routes' collaborators: the session (next-auth) and the process database.
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));

const { PUT: saveRoute } = await import("./[id]/route");
const { POST: commentRoute } = await import("./[id]/kommentarer/route");
const { PATCH: resolveRoute } = await import("./[id]/kommentarer/[commentId]/route");
const { env } = await import("@/lib/env");

let t: TestDb;
let skribent: CurrentUser, utgivare: CurrentUser;
let textId: string, commentId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  let blogId: string;
  ({ skribent, utgivare, blogId } = await seededDemo(t.db));
  ({ id: textId } = await createText(t.db, skribent, { publicationId: blogId, title: "Torget" }));
  ({ id: commentId } = await addComment(t.db, skribent, { itemId: textId, body: "Kolla datumet." }));
});
afterAll(() => t.close());
beforeEach(() => {
  state.actor = skribent;
});

/** The editor's own requests: JSON, from our origin (as a browser sends them). */
const OWN = { "content-type": "application/json", origin: new URL(env().PUBLIC_URL).origin, "sec-fetch-site": "same-origin" };
const CROSS_SITE = [
  { ...OWN, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { ...OWN, origin: "https://evil.example" },
  { "content-type": "application/json", "sec-fetch-site": "same-site" },
];
const WRONG_TYPE = [{ ...OWN, "content-type": "text/plain;charset=UTF-8" }, { ...OWN, "content-type": "application/x-www-form-urlencoded" }, { origin: OWN.origin }];

const saveBody = () => JSON.stringify({ baseVersion: 1, title: "Kapad", lead: "", slug: "kapad", tags: [], coverMediaId: null, body: doc(p("Kapad.")) });
const put = (headers: Record<string, string>, body: BodyInit = saveBody()) =>
  saveRoute(new Request(`http://test/api/texter/${textId}`, { method: "PUT", headers, body, duplex: "half" } as RequestInit), { params: Promise.resolve({ id: textId }) });
const comment = (headers: Record<string, string>, body: BodyInit = JSON.stringify({ body: "Främmande kommentar." })) =>
  commentRoute(new Request(`http://test/api/texter/${textId}/kommentarer`, { method: "POST", headers, body, duplex: "half" } as RequestInit), {
    params: Promise.resolve({ id: textId }),
  });
const resolve = (headers: Record<string, string>, body: BodyInit = JSON.stringify({ resolved: true })) =>
  resolveRoute(new Request(`http://test/api/texter/${textId}/kommentarer/${commentId}`, { method: "PATCH", headers, body, duplex: "half" } as RequestInit), {
    params: Promise.resolve({ id: textId, commentId }),
  });

const text = async () => (await t.db.select().from(contentItems).where(eq(contentItems.id, textId)))[0]!;
const comments = async () => t.db.select().from(reviewComments).where(eq(reviewComments.itemId, textId));

/** A body that never ends and announces no length (chunked), counting how much of it was pulled. */
function endless() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  return { stream, counter };
}

describe("PUT /api/texter/<id> (autosave)", () => {
  it("refuses cross-site requests (403) and other formats than JSON (415), and the text is unchanged", async () => {
    const before = await text();
    for (const headers of CROSS_SITE) expect((await put(headers)).status, JSON.stringify(headers)).toBe(403);
    for (const headers of WRONG_TYPE) expect((await put(headers)).status, JSON.stringify(headers)).toBe(415);
    expect(await text()).toEqual(before);
  });

  it("reads nothing of a stranger's body, however long", async () => {
    state.actor = null;
    const { stream, counter } = endless();
    expect((await put({ "content-type": "application/json" }, stream)).status).toBe(401);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("stops a signed-in writer's chunked body at 2 MB with a Swedish 413", async () => {
    const { stream, counter } = endless();
    const response = await put(OWN, stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: "Texten är för stor för att sparas." });
    expect(counter.pulled).toBeLessThan(40);
  });

  it("refuses JSON that is not an object, and still saves the editor's own request", async () => {
    expect((await put(OWN, "[1,2]")).status).toBe(400);
    expect((await put(OWN, "{nej")).status).toBe(400);
    const saved = await put(OWN);
    expect(saved.status).toBe(200);
    expect(await text()).toMatchObject({ slug: "kapad", version: 2 });
  });
});

describe("POST /api/texter/<id>/kommentarer", () => {
  it("refuses cross-site requests and other formats than JSON, and no comment is added", async () => {
    state.actor = utgivare;
    for (const headers of CROSS_SITE) expect((await comment(headers)).status, JSON.stringify(headers)).toBe(403);
    for (const headers of WRONG_TYPE) expect((await comment(headers)).status, JSON.stringify(headers)).toBe(415);
    expect(await comments()).toHaveLength(1);
  });

  it("stops a chunked body at the cap, and adds the panel's own comment", async () => {
    state.actor = utgivare;
    const { stream } = endless();
    expect((await comment(OWN, stream)).status).toBe(413);
    expect((await comment(OWN)).status).toBe(201);
    expect(await comments()).toHaveLength(2);
  });
});

describe("PATCH /api/texter/<id>/kommentarer/<commentId>", () => {
  it("refuses cross-site requests and other formats than JSON, and the thread stays open", async () => {
    for (const headers of CROSS_SITE) expect((await resolve(headers)).status, JSON.stringify(headers)).toBe(403);
    for (const headers of WRONG_TYPE) expect((await resolve(headers)).status, JSON.stringify(headers)).toBe(415);
    expect((await resolve(OWN, JSON.stringify({ resolved: true, pad: "x".repeat(2000) }))).status).toBe(413);
    const [row] = (await comments()).filter((c) => c.id === commentId);
    expect(row!.resolvedAt).toBeNull();
    expect((await resolve(OWN)).status).toBe(200);
  });
});
