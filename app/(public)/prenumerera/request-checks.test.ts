import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mailMessages, subscribers } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { requestSubscription } from "@/lib/subscriptions/request-subscription";
import { unsubscribeToken } from "@/lib/subscriptions/tokens";
import { eq } from "drizzle-orm";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));

const { POST: subscribeRoute } = await import("./skicka/route");
const { POST: confirmRoute } = await import("./bekrafta/route");
const { POST: unsubscribeRoute } = await import("./avsluta/[token]/route");
const { env } = await import("@/lib/env");

let t: TestDb;
let newsletterId: string;
let confirmToken: string;
let subscriberId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  ({ newsletterId } = await seededDemo(t.db));
  await requestSubscription(t.db, { email: "vaktad@exempelby.se", publicationIds: [newsletterId], method: "form", ip: null });
  const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, "vaktad@exempelby.se"));
  confirmToken = /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  subscriberId = (await t.db.select().from(subscribers).where(eq(subscribers.email, "vaktad@exempelby.se")))[0]!.id;
});
afterAll(() => t.close());

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const OWN = { ...FORM, origin: new URL(env().PUBLIC_URL).origin, "sec-fetch-site": "same-origin" };
const CROSS_SITE = [
  { ...FORM, origin: "https://evil.example" },
  { ...FORM, "sec-fetch-site": "cross-site" },
  { ...FORM, origin: "https://evil.example", "sec-fetch-site": "same-site" },
];
const WRONG_TYPE = [{ "content-type": "text/plain" }, { "content-type": "application/json" }, { ...OWN, "content-type": "text/plain;charset=UTF-8" }];

const request = (path: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`http://test${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
const subscribe = (headers: Record<string, string>, body: BodyInit = `email=framling%40exempelby.se&publikation=${newsletterId}`) =>
  subscribeRoute(request("/prenumerera/skicka", body, headers));
const confirm = (headers: Record<string, string>, body: BodyInit = `token=${confirmToken}`) => confirmRoute(request("/prenumerera/bekrafta", body, headers));
const unsubscribe = (headers: Record<string, string>, body: BodyInit = "List-Unsubscribe=One-Click") => {
  const token = unsubscribeToken(subscriberId);
  return unsubscribeRoute(request(`/prenumerera/avsluta/${token}`, body, headers), { params: Promise.resolve({ token }) });
};
const people = async () => t.db.select({ email: subscribers.email, confirmedAt: subscribers.confirmedAt }).from(subscribers);

/** A body that never ends and announces no length (chunked), counting how much of it was pulled. */
function endless() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new TextEncoder().encode("a".repeat(64 * 1024)));
    },
  });
  return { stream, counter };
}

describe("the public subscription routes: where from and in what format", () => {
  it("refuse cross-site posts (403) and bodies that are not forms (415), and nobody is added, confirmed or removed", async () => {
    const before = await people();
    for (const route of [subscribe, confirm, unsubscribe]) {
      for (const headers of CROSS_SITE) {
        const response = await route(headers);
        expect(response.status, `${route.name} ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.text()).toMatch(/annan webbplats/);
      }
      for (const headers of WRONG_TYPE) expect((await route(headers)).status, `${route.name} ${JSON.stringify(headers)}`).toBe(415);
    }
    expect(await people()).toEqual(before);
  });

  it("stop chunked bodies at their caps", async () => {
    const tooLong = endless();
    const subscribed = await subscribe(FORM, tooLong.stream);
    expect(subscribed.status).toBe(303);
    expect(subscribed.headers.get("location")).toMatch(/fel=too_long/);
    expect(tooLong.counter.pulled).toBeLessThan(4);
    expect((await confirm(FORM, endless().stream)).headers.get("location")).toBe("/prenumerera/bekrafta/ogiltig");
    expect((await unsubscribe(FORM, endless().stream)).status).toBe(413);
    expect((await people()).map((p) => p.email)).toContain("vaktad@exempelby.se");
  });

  it("still take the pages' own forms and a mail provider's one-click POST (no Origin)", async () => {
    expect((await confirm(OWN)).headers.get("location")).toBe("/prenumerera/bekraftad");
    expect((await unsubscribe(FORM)).status).toBe(200);
    expect((await people()).map((p) => p.email)).not.toContain("vaktad@exempelby.se");
    expect((await subscribe(OWN)).headers.get("location")).toBe("/prenumerera/tack");
  });
});
