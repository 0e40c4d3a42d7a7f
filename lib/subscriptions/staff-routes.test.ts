import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteSubscriberAction } from "@/app/redaktion/prenumeranter/actions";
import { GET as exportRoute } from "@/app/redaktion/prenumeranter/export/route";
import { POST as importRoute } from "@/app/redaktion/prenumeranter/import/route";
import { mailMessages, subscribers } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { confirmSubscription } from "./confirm-subscription";
import { requestSubscription } from "./request-subscription";

const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown, redirects: [] as string[] }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    state.redirects.push(to);
  },
}));

let t: TestDb;
let skribent: CurrentUser, redaktor: CurrentUser, newsletterId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  ({ skribent, redaktor, newsletterId } = await seededDemo(t.db));
});
afterAll(() => t.close());
beforeEach(() => {
  state.actor = skribent;
  state.redirects = [];
});

async function confirmed(email: string) {
  await requestSubscription(t.db, { email, publicationIds: [newsletterId], method: "form", ip: null });
  const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
  await confirmSubscription(t.db, /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!);
  return (await t.db.select().from(subscribers).where(eq(subscribers.email, email)))[0]!;
}

const importRequest = (file: Blob) => {
  const form = new FormData();
  form.append("file", file, "lista.csv");
  form.append("publikation", newsletterId);
  return new Request("http://test/redaktion/prenumeranter/import", { method: "POST", body: form });
};

describe("Prenumeranter, for staff", () => {
  it("refuses a skribent the export, the import and the erasure", async () => {
    const person = await confirmed("skyddad@exempelby.se");
    expect((await exportRoute()).status).toBe(403);
    expect((await importRoute(importRequest(new Blob(["ny@exempelby.se\n"])))).status).toBe(403);
    const form = new FormData();
    form.append("id", person.id);
    await deleteSubscriberAction(form);
    expect(state.redirects[0]).toMatch(/fel=/);
    expect(await t.db.select().from(subscribers).where(eq(subscribers.id, person.id))).toHaveLength(1);
    state.actor = null;
    expect((await exportRoute()).status).toBe(401);
  });

  it("exports confirmed subscribers as CSV with a BOM and a header row", async () => {
    await confirmed("export@exempelby.se");
    state.actor = redaktor;
    const response = await exportRoute();
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\n")[0]).toBe("E-post,Prenumererar på,Bekräftad,Samtyckesversion,Samtycke via");
    expect(text).toMatch(/export@exempelby\.se,[^,\n]+,\d{4}-\d{2}-\d{2},2026-11-29,Formulär/);
  });

  it("imports for a redaktör and shows counts; a file that is not a CSV gets a Swedish message", async () => {
    state.actor = redaktor;
    const ok = await importRoute(importRequest(new Blob(["e-post\nimporterad@exempelby.se\ntrasig\n"])));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toMatch(/import_requested=1&.*import_invalid=1/);
    const png = await importRoute(importRequest(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe])])));
    expect(decodeURIComponent(png.headers.get("location") ?? "")).toMatch(/importfel=Filen är inte en CSV-fil/);
  });

  it("erases one person for a redaktör", async () => {
    const person = await confirmed("raderas@exempelby.se");
    state.actor = redaktor;
    const form = new FormData();
    form.append("id", person.id);
    await deleteSubscriberAction(form);
    expect(state.redirects).toEqual(["/redaktion/prenumeranter?raderad=1"]);
    expect(await t.db.select().from(subscribers).where(eq(subscribers.id, person.id))).toHaveLength(0);
  });
});

describe("the page's reads", () => {
  it("counts confirmed and pending per publication, finds by prefix, and lists departures without an address", async () => {
    const { countSubscribersPerPublication, listRecentSubscriberChanges, searchSubscribers } = await import("@/db/queries/subscribers");
    const before = (await countSubscribersPerPublication(t.db)).find((row) => row.id === newsletterId)!;
    await requestSubscription(t.db, { email: "vantande@exempelby.se", publicationIds: [newsletterId], method: "form", ip: null });
    const person = await confirmed("prefix.sok@exempelby.se");
    const after = (await countSubscribersPerPublication(t.db)).find((row) => row.id === newsletterId)!;
    expect(after.pending).toBe(before.pending + 1);
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect((await searchSubscribers(t.db, "PREFIX.S", 1)).rows.map((row) => row.email)).toEqual(["prefix.sok@exempelby.se"]);
    expect((await searchSubscribers(t.db, "%", 1)).rows).toEqual([]);
    const { unsubscribe } = await import("./unsubscribe");
    await unsubscribe(t.db, person.id);
    const changes = await listRecentSubscriberChanges(t.db);
    expect(changes.find((change) => change.action === "subscriber.left")?.email).toBeNull();
    expect(JSON.stringify(changes)).not.toContain("prefix.sok");
  });
});
