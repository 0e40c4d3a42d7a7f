import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as confirmRoute } from "@/app/(public)/prenumerera/bekrafta/route";
import { GET as unsubscribeGet, POST as unsubscribeRoute } from "@/app/(public)/prenumerera/avsluta/[token]/route";
import { POST as subscribeRoute } from "@/app/(public)/prenumerera/skicka/route";
import { mailMessages, subscriberPublications, subscriberSuppressions, subscribers } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { emailHash } from "./email";
import { unsubscribeToken } from "./tokens";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));

let t: TestDb;
let newsletterId: string, blogId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  ({ newsletterId, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());

const form = (fields: [string, string][]) => new URLSearchParams(fields);
const post = (url: string, body: BodyInit, headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" }) =>
  new Request(`http://test${url}`, { method: "POST", body, headers });
const rowOf = async (email: string) => (await t.db.select().from(subscribers).where(eq(subscribers.email, email)))[0];

/** Through the routes as a browser with JavaScript off would go: form, mail, button. */
async function subscribeAndConfirm(email: string, publicationIds: string[]) {
  const response = await subscribeRoute(
    post("/prenumerera/skicka", form([["email", email], ...publicationIds.map((id): [string, string] => ["publikation", id])]), {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": "203.0.113.9",
    }),
  );
  expect(response.status).toBe(303);
  expect(response.headers.get("location")).toBe("/prenumerera/tack");
  const [mail] = await t.db
    .select()
    .from(mailMessages)
    .where(and(eq(mailMessages.to, email), eq(mailMessages.kind, "subscription.confirm")));
  const token = /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  const confirmed = await confirmRoute(post("/prenumerera/bekrafta", form([["token", token]])));
  expect(confirmed.headers.get("location")).toBe("/prenumerera/bekraftad");
  return (await rowOf(email))!;
}

describe("POST /prenumerera/skicka", () => {
  it("subscribes the short form to the newsletter and sends errors back with their code, the address kept out of the URL", async () => {
    const short = await subscribeRoute(
      post(
        "/prenumerera/skicka",
        form([
          ["email", "kort@exempelby.se"],
          ["standard", "nyhetsbrev"],
        ]),
      ),
    );
    expect(short.headers.get("location")).toBe("/prenumerera/tack");
    const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, "kort@exempelby.se"));
    expect(mail?.text).toContain("Nyhetsbrev");

    const bad = await subscribeRoute(
      post(
        "/prenumerera/skicka",
        form([
          ["email", "hemlig adress"],
          ["publikation", newsletterId],
        ]),
      ),
    );
    expect(bad.status).toBe(303);
    expect(bad.headers.get("location")).toMatch(/^\/prenumerera\?fel=syntax&publikation=/);
    expect(bad.headers.get("location")).not.toContain("hemlig");
    expect(bad.headers.get("set-cookie")).toContain(encodeURIComponent("hemlig adress"));

    const huge = await subscribeRoute(
      post(
        "/prenumerera/skicka",
        form([
          ["email", `${"a".repeat(10_000)}@x.se`],
          ["standard", "nyhetsbrev"],
        ]),
      ),
    );
    expect(huge.headers.get("location")).toMatch(/fel=too_long/);
    const none = await subscribeRoute(post("/prenumerera/skicka", form([["email", "inget@exempelby.se"]])));
    expect(none.headers.get("location")).toMatch(/fel=publication/);
  });
});

describe("/prenumerera/avsluta/<token>", () => {
  it("sends a GET on to the page, so a mail scanner changes nothing", async () => {
    const person = await subscribeAndConfirm("skannad@exempelby.se", [newsletterId]);
    const token = unsubscribeToken(person.id);
    const response = await unsubscribeGet(new Request(`http://test/prenumerera/avsluta/${token}`), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/prenumerera/avsluta/${token}/val`);
    expect(await rowOf("skannad@exempelby.se")).toBeDefined();
  });

  it("answers an RFC 8058 one-click POST with 200 and the person is gone", async () => {
    const person = await subscribeAndConfirm("ettklick@exempelby.se", [newsletterId, blogId]);
    const token = unsubscribeToken(person.id);
    const url = `/prenumerera/avsluta/${token}`;
    const response = await unsubscribeRoute(post(url, "List-Unsubscribe=One-Click"), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    expect(await rowOf("ettklick@exempelby.se")).toBeUndefined();
    expect(
      await t.db
        .select()
        .from(subscriberSuppressions)
        .where(eq(subscriberSuppressions.emailHash, emailHash("ettklick@exempelby.se"))),
    ).toHaveLength(1);
    // Multipart, as some providers send it, and again after the person is gone: still 200.
    const multipart = new FormData();
    multipart.append("List-Unsubscribe", "One-Click");
    expect((await unsubscribeRoute(new Request(`http://test${url}`, { method: "POST", body: multipart }), { params: Promise.resolve({ token }) })).status).toBe(200);
  });

  it("lets the page's form keep some publications, and refuses a garbled token or an empty POST", async () => {
    const person = await subscribeAndConfirm("nagra@exempelby.se", [newsletterId, blogId]);
    const token = unsubscribeToken(person.id);
    const url = `/prenumerera/avsluta/${token}`;
    const kept = await unsubscribeRoute(
      post(
        url,
        form([
          ["formular", "1"],
          ["avsluta", newsletterId],
        ]),
      ),
      { params: Promise.resolve({ token }) },
    );
    expect(kept.headers.get("location")).toBe(`${url}/val?sparat=1`);
    const left = await t.db.select().from(subscriberPublications).where(eq(subscriberPublications.subscriberId, person.id));
    expect(left.map((row) => row.publicationId)).toEqual([blogId]);

    const garbled = `${person.id}.${"A".repeat(32)}`;
    const refused = await unsubscribeRoute(post(`/prenumerera/avsluta/${garbled}`, "List-Unsubscribe=One-Click"), { params: Promise.resolve({ token: garbled }) });
    expect(refused.status).toBe(404);
    expect((await unsubscribeRoute(post(url, ""), { params: Promise.resolve({ token }) })).status).toBe(400);
    expect(await rowOf("nagra@exempelby.se")).toBeDefined();

    const all = await unsubscribeRoute(
      post(
        url,
        form([
          ["formular", "1"],
          ["avsluta", blogId],
        ]),
      ),
      { params: Promise.resolve({ token }) },
    );
    expect(all.headers.get("location")).toBe("/prenumerera/avslutad");
    expect(await rowOf("nagra@exempelby.se")).toBeUndefined();
  });
});
