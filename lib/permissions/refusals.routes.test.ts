import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as unsubscribeRoute } from "@/app/(public)/prenumerera/avsluta/[token]/route";
import { POST as confirmRoute } from "@/app/(public)/prenumerera/bekrafta/route";
import { DELETE as logoDeleteRoute, POST as logoPostRoute } from "@/app/api/installningar/logotyp/route";
import { POST as revalidateRoute } from "@/app/api/internt/revalidera/route";
import { POST as backupRoute } from "@/app/api/internt/sakerhetskopia/route";
import { GET as mediaListRoute, POST as mediaUploadRoute } from "@/app/api/media/route";
import { PATCH as commentPatchRoute } from "@/app/api/texter/[id]/kommentarer/[commentId]/route";
import { GET as commentsGetRoute, POST as commentsPostRoute } from "@/app/api/texter/[id]/kommentarer/route";
import { PUT as saveRoute } from "@/app/api/texter/[id]/route";
import { GET as versionsRoute } from "@/app/api/texter/[id]/versioner/route";
import { GET as sendingRoute } from "@/app/api/utskick/[editionId]/route";
import { GET as exportRoute } from "@/app/redaktion/prenumeranter/export/route";
import { POST as importRoute } from "@/app/redaktion/prenumeranter/import/route";
import { mailEditions, mailMessages, newsletterIssues, subscribers } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { signId } from "@/lib/auth/signed-id";
import { doc, h, p } from "@/lib/content/build";
import { authSecret, env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addComment } from "@/lib/review/comments";
import { requestSubscription } from "@/lib/subscriptions/request-subscription";
import { unsubscribeToken } from "@/lib/subscriptions/tokens";
import { signedBackupHeaders } from "@/lib/server/backup.mjs";
import { revalidationSignature } from "@/lib/workflow/revalidate";
import { attempt, missingAttempts, outcomeOfResponse, runAttempt, writtenPost, type Attempt, type Outcome } from "../testing/refusal-suite";
import { ROUTES, type Caller, type RouteKey } from "./surface";

// The handlers' collaborators: who is logged in (next-auth), the process database, Next's cache, the image folder.
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown, storage: null as unknown, dumps: 0 }));
vi.mock("@/lib/auth/session", () => ({
  getUser: async () => state.actor,
  requireUser: async () => {
    if (!state.actor) throw new Error("requireUser without a session: a page, not a route");
    return state.actor;
  },
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({
  getDb: async () => state.db,
  dumpDatabase: async () => {
    state.dumps += 1;
    return new Blob(["the database"]);
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("@/lib/media/storage", async (original) => ({
  ...(await original<typeof import("@/lib/media/storage")>()),
  getMediaStorage: () => state.storage,
}));

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
let folder: string;
let photo: Uint8Array<ArrayBuffer>;
const callers = {} as Record<Caller, CurrentUser | null>;
const setCaller = (caller: Caller) => {
  state.actor = callers[caller];
};

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "kb-refusals-"));
  const { LocalDiskStorage } = await import("@/lib/media/storage");
  state.storage = new LocalDiskStorage(folder);
  demo = await seededDemo(t.db);
  Object.assign(callers, { resident: null, skribent: demo.skribent, redaktor: demo.redaktor, utgivare: demo.utgivare, admin: demo.admin });
  photo = new Uint8Array(
    await sharp({ create: { width: 64, height: 48, channels: 3, background: "#335577" } })
      .jpeg()
      .toBuffer(),
  );
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

/**
 * A request as our own pages send it: same origin, and the route's own body format. So what is
 * refused here is the caller, never the (separately tested) origin and content-type checks.
 */
const ORIGIN = new URL(env().PUBLIC_URL).origin;
function request(pathname: string, init: { method?: string; json?: unknown; form?: FormData; urlencoded?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { origin: ORIGIN, "sec-fetch-site": "same-origin", ...init.headers };
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  } else if (init.urlencoded) {
    body = new URLSearchParams(init.urlencoded).toString();
    headers["content-type"] = "application/x-www-form-urlencoded";
  } else if (init.form) {
    // The Request sets multipart/form-data with its boundary itself.
    body = init.form;
  }
  return new Request(new URL(pathname, ORIGIN), { method: init.method ?? (body ? "POST" : "GET"), headers, body });
}
const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });
const respond = async (response: Promise<Response> | Response) => outcomeOfResponse(await response);

const route = (key: RouteKey) => key;
const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";

/** A blog post of the redaktör's: the "another writer's text" for a skribent. */
const redaktorsPost = (title: string) => writtenPost(t.db, demo.redaktor, demo.blogId, title);
const imageForm = () => {
  const data = new FormData();
  data.append("file", new File([photo], "torget.jpg", { type: "image/jpeg" }));
  data.append("alt", "Torget en vinterdag");
  return data;
};
const importForm = () => {
  const data = new FormData();
  data.append("file", new File(["e-post\nimporterad@exempelby.test\n"], "lista.csv", { type: "text/csv" }));
  data.append("publikation", demo.newsletterId);
  return data;
};
const filesIn = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : 1), 0);

const logoForm = () => {
  const data = new FormData();
  data.append("logo", new File([photo], "logotyp.jpg", { type: "image/jpeg" }));
  return data;
};

const ATTEMPTS: Attempt<unknown>[] = [
  attempt({
    surface: route("app/api/installningar/logotyp/route.ts#POST"),
    what: "replace the site's logo",
    fixture: async () => null,
    call: async () => {
      const before = filesIn(folder);
      const outcome = await respond(logoPostRoute(request("/api/installningar/logotyp", { form: logoForm() })));
      if (!outcome.ok) expect(filesIn(folder)).toBe(before);
      return outcome;
    },
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: route("app/api/installningar/logotyp/route.ts#DELETE"),
    what: "remove the site's logo",
    fixture: async () => null,
    call: () => respond(logoDeleteRoute(request("/api/installningar/logotyp", { method: "DELETE" }))),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: route("app/api/media/route.ts#POST"),
    what: "upload an image",
    fixture: async () => null,
    call: async () => {
      const before = filesIn(folder);
      const outcome = await respond(mediaUploadRoute(request("/api/media", { form: imageForm() })));
      // A refused upload stores no file either, not only no row.
      if (!outcome.ok) expect(filesIn(folder)).toBe(before);
      return outcome;
    },
    refused: { resident: U, admin: F },
    control: { as: "skribent" },
  }),
  attempt({
    surface: route("app/api/media/route.ts#GET"),
    what: "browse the media library",
    fixture: async () => null,
    call: () => respond(mediaListRoute(request("/api/media?q=&sida=1"))),
    refused: { resident: U, admin: F },
    control: { as: "skribent" },
  }),
  attempt({
    surface: route("app/api/texter/[id]/route.ts#PUT"),
    what: "autosave over another writer's text",
    fixture: () => redaktorsPost("Redaktörens text att spara"),
    call: (post) =>
      respond(
        saveRoute(
          request(`/api/texter/${post.id}`, {
            method: "PUT",
            json: {
              baseVersion: post.version,
              title: "Överskriven",
              lead: "Ny ingress.",
              slug: post.item.slug,
              tags: [],
              coverMediaId: null,
              body: doc(h(2, "Ny"), p("Ny text.")),
            },
          }),
          params({ id: post.id }),
        ),
      ),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/api/texter/[id]/versioner/route.ts#GET"),
    what: "read another writer's version history",
    fixture: () => redaktorsPost("Redaktörens text med versioner"),
    call: (post) => respond(versionsRoute(request(`/api/texter/${post.id}/versioner`), params({ id: post.id }))),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/api/texter/[id]/kommentarer/route.ts#GET"),
    what: "read the review comments on another writer's text",
    fixture: () => redaktorsPost("Redaktörens text med kommentarer"),
    call: (post) => respond(commentsGetRoute(request(`/api/texter/${post.id}/kommentarer`), params({ id: post.id }))),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/api/texter/[id]/kommentarer/route.ts#POST"),
    what: "comment on another writer's text",
    fixture: () => redaktorsPost("Redaktörens text att kommentera"),
    call: (post) => respond(commentsPostRoute(request(`/api/texter/${post.id}/kommentarer`, { json: { body: "Ett förslag." } }), params({ id: post.id }))),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/api/texter/[id]/kommentarer/[commentId]/route.ts#PATCH"),
    what: "resolve a comment thread on another writer's text",
    fixture: async () => {
      const post = await redaktorsPost("Redaktörens text med en tråd");
      const comment = await addComment(t.db, demo.redaktor, { itemId: post.id, body: "Kolla siffrorna." });
      return { post, comment };
    },
    call: ({ post, comment }) =>
      respond(
        commentPatchRoute(
          request(`/api/texter/${post.id}/kommentarer/${comment.id}`, { method: "PATCH", json: { resolved: true } }),
          params({ id: post.id, commentId: comment.id }),
        ),
      ),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/api/utskick/[editionId]/route.ts#GET"),
    what: "follow a send's progress",
    fixture: async () => {
      const [issue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "published")).orderBy(desc(newsletterIssues.publishedAt)).limit(1);
      const [edition] = await t.db
        .insert(mailEditions)
        .values({ issueId: issue!.id, publicationId: demo.newsletterId, subject: "Nummer", html: "<p>x</p>", text: "x" })
        .returning();
      return edition!;
    },
    call: (edition) => respond(sendingRoute(request(`/api/utskick/${edition.id}`), params({ editionId: edition.id }))),
    refused: { resident: U, skribent: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: route("app/redaktion/prenumeranter/export/route.ts#GET"),
    what: "export the subscribers as CSV",
    fixture: async () => null,
    call: () => respond(exportRoute()),
    refused: { resident: U, skribent: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: route("app/redaktion/prenumeranter/import/route.ts#POST"),
    what: "import subscribers from CSV",
    fixture: async () => null,
    call: () => respond(importRoute(request("/redaktion/prenumeranter/import", { form: importForm() }))),
    refused: { resident: U, skribent: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: route("app/api/internt/revalidera/route.ts#POST"),
    what: "revalidate public pages without the server's signature",
    fixture: async () => JSON.stringify({ paths: ["/", "/blogg/kommunchefen"] }),
    call: async (body: string) =>
      respond(
        revalidateRoute(request("/api/internt/revalidera", { json: JSON.parse(body), headers: { "x-kb-signature": revalidationSignature(JSON.stringify({ paths: ["/sok"] })) } })),
      ),
    refused: { resident: F },
    control: {
      as: "resident",
      call: (body: string) => respond(revalidateRoute(request("/api/internt/revalidera", { json: JSON.parse(body), headers: { "x-kb-signature": revalidationSignature(body) } }))),
    },
  }),
  attempt({
    surface: route("app/api/internt/sakerhetskopia/route.ts#POST"),
    what: "download the database with a request signed by another secret",
    fixture: async () => null,
    call: () => backupOutcome(signedBackupHeaders("a-secret-that-is-not-the-servers-0123456789")),
    refused: { resident: F },
    control: { as: "resident", call: () => backupOutcome(signedBackupHeaders(authSecret())) },
  }),
  attempt({
    surface: route("app/api/internt/sakerhetskopia/route.ts#POST"),
    what: "download the database by replaying a signed request",
    fixture: async () => {
      const headers = signedBackupHeaders(authSecret());
      expect(await backupOutcome(headers)).toEqual({ ok: true });
      return headers;
    },
    call: (headers: Record<string, string>) => backupOutcome(headers),
    refused: { resident: F },
    control: { as: "resident", call: () => backupOutcome(signedBackupHeaders(authSecret())) },
  }),
  attempt({
    surface: route("app/(public)/prenumerera/avsluta/[token]/route.ts#POST"),
    what: "unsubscribe someone with a token signed for another purpose",
    fixture: async () => (await t.db.select().from(subscribers).where(eq(subscribers.email, "anna.andersson@exempelby.test")))[0]!,
    call: async (person) => {
      // The subscriber's own id, signed as an approval link: right shape, right secret, wrong purpose.
      const forged = signId("approval-link", person.id);
      return respond(unsubscribeRoute(request(`/prenumerera/avsluta/${forged}`, { urlencoded: { "List-Unsubscribe": "One-Click" } }), params({ token: forged })));
    },
    refused: { resident: "NOT_FOUND" },
    control: {
      as: "resident",
      call: (person) => {
        const token = unsubscribeToken(person.id);
        return respond(unsubscribeRoute(request(`/prenumerera/avsluta/${token}`, { urlencoded: { "List-Unsubscribe": "One-Click" } }), params({ token })));
      },
    },
  }),
  attempt({
    surface: route("app/(public)/prenumerera/bekrafta/route.ts#POST"),
    what: "confirm a subscription with a made-up token",
    fixture: async () => {
      const email = "bekraftas@exempelby.test";
      await requestSubscription(t.db, { email, publicationIds: [demo.newsletterId], method: "form", ip: null });
      const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, email));
      return { token: /\/prenumerera\/bekrafta\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]! };
    },
    call: ({ token }) => confirmOutcome(`${token.slice(0, -4)}AAAA`),
    refused: { resident: "NOT_FOUND" },
    control: { as: "resident", call: ({ token }) => confirmOutcome(token) },
  }),
];

/** The backup script's request: no Origin, no Sec-Fetch-Site, no body. A refusal must not have dumped anything. */
async function backupOutcome(headers: Record<string, string>): Promise<Outcome> {
  const dumps = state.dumps;
  const outcome = await respond(backupRoute(new Request(new URL("/api/internt/sakerhetskopia", ORIGIN), { method: "POST", headers })));
  if (!outcome.ok) expect(state.dumps).toBe(dumps);
  return outcome;
}

/** The confirm button answers with a redirect either way: to the thank-you page, or back to the link's page to explain. */
async function confirmOutcome(token: string): Promise<Outcome> {
  const response = await confirmRoute(request("/prenumerera/bekrafta", { urlencoded: { token } }));
  expect(response.status).toBe(303);
  return response.headers.get("location") === "/prenumerera/bekraftad" ? { ok: true } : { ok: false, code: "NOT_FOUND" };
}

describe("route handlers refuse whoever may not use them, and write nothing", () => {
  it("has attempts for every guarded route and every caller it must refuse", () => {
    expect(missingAttempts(ROUTES, ATTEMPTS)).toEqual([]);
  });

  for (const a of ATTEMPTS) {
    it(`${a.surface.replace(/^app\//, "").replace("/route.ts#", " ")}: ${a.what}`, async () => {
      await runAttempt(t.db, a, setCaller);
    });
  }
});
