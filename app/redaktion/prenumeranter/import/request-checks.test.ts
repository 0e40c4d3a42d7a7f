import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { subscribers } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { TOO_LARGE_MESSAGE } from "@/lib/subscriptions/import-subscribers";

const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));

const { POST } = await import("./route");
const { env } = await import("@/lib/env");

let t: TestDb;
let newsletterId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  let redaktor: CurrentUser;
  ({ redaktor, newsletterId } = await seededDemo(t.db));
  state.actor = redaktor;
});
afterAll(() => t.close());

const csvForm = () => {
  const form = new FormData();
  form.append("file", new Blob(["e-post\nny.person@exempelby.se\n"]), "lista.csv");
  form.append("publikation", newsletterId);
  return form;
};
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(new Request("http://test/redaktion/prenumeranter/import", { method: "POST", body, headers, duplex: "half" } as RequestInit));
const emails = async () => (await t.db.select({ email: subscribers.email }).from(subscribers)).map((row) => row.email);

describe("POST /redaktion/prenumeranter/import: where from and in what format", () => {
  it("refuses a cross-site import (403) and one that is not multipart (415); nobody is imported", async () => {
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[])
      expect((await post(csvForm(), headers)).status).toBe(403);
    expect((await post("file=ny.person%40exempelby.se", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await post("ny.person@exempelby.se", { "content-type": "text/csv" })).status).toBe(415);
    expect(await emails()).not.toContain("ny.person@exempelby.se");
  });

  it("stops a chunked body at the cap with the import's own message", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await post(endless, { "content-type": "multipart/form-data; boundary=x" });
    expect(response.status).toBe(303);
    expect(decodeURIComponent(response.headers.get("location") ?? "")).toContain(`importfel=${TOO_LARGE_MESSAGE}`);
    expect(pulled).toBeLessThan(30);
  });

  it("still takes the page's own form", async () => {
    const response = await post(csvForm(), { origin: new URL(env().PUBLIC_URL).origin, "sec-fetch-site": "same-origin" });
    expect(response.headers.get("location")).toMatch(/import_requested=1/);
  });
});
