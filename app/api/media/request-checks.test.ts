import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { media } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

// The session (next-auth) and the process database. Storage is never reached by a refused request:
// a stand-in that fails loudly proves it.
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/media/storage", async (original) => ({
  ...(await original<typeof import("@/lib/media/storage")>()),
  getMediaStorage: () => {
    throw new Error("storage reached");
  },
}));

const { POST } = await import("./route");
const { env } = await import("@/lib/env");

let t: TestDb;
let skribent: CurrentUser;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  ({ skribent } = await seededDemo(t.db));
});
afterAll(() => t.close());
beforeEach(() => {
  state.actor = skribent;
});

const imageForm = () => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array([0xff, 0xd8, 0xff])], "torget.jpg", { type: "image/jpeg" }));
  form.append("alt", "Torget");
  return form;
};
const post = (body: BodyInit, headers: Record<string, string> = {}) => POST(new Request("http://test/api/media", { method: "POST", body, headers, duplex: "half" } as RequestInit));
const count = async () => (await t.db.select({ id: media.id }).from(media)).length;

describe("POST /api/media: where from and in what format", () => {
  it("refuses a cross-site upload (403) whatever its form, and stores nothing", async () => {
    const before = await count();
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }] as Record<string, string>[]) {
      const response = await post(imageForm(), headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/annan webbplats/);
    }
    expect(await count()).toBe(before);
  });

  it("refuses a body that is not multipart (415) before the session is looked up", async () => {
    state.actor = null;
    const own = { origin: new URL(env().PUBLIC_URL).origin, "sec-fetch-site": "same-origin" };
    expect((await post("alt=Torget", { ...own, "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post("hej", { ...own, "content-type": "text/plain" })).status).toBe(415);
    // The image dialog's own request gets as far as the session.
    expect((await post(imageForm(), own)).status).toBe(401);
  });
});
