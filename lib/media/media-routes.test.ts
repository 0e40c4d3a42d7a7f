import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/media/route";
import { GET as fileRoute } from "@/app/media/[id]/[file]/route";
import { users } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { UNSUPPORTED_IMAGE_MESSAGE } from "./process-image";
import { LocalDiskStorage } from "./storage";

// The routes' collaborators: the session (next-auth), the process database and the storage folder.
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown, storage: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("@/lib/media/storage", async (original) => ({
  ...(await original<typeof import("./storage")>()),
  getMediaStorage: () => state.storage,
}));

let t: TestDb;
let folder: string;
let skribent: CurrentUser, admin: CurrentUser;
let photo: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  t = await createTestDb();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "kb-routes-"));
  state.db = t.db;
  state.storage = new LocalDiskStorage(folder);
  const made = await t.db
    .insert(users)
    .values([
      { email: "s@test.se", name: "Sara", role: "skribent", passwordHash: "x" },
      { email: "a@test.se", name: "Ali", role: "admin", passwordHash: "x" },
    ])
    .returning();
  const [s, a] = made.map((u): CurrentUser => ({ id: u.id, name: u.name, email: u.email, jobTitle: "", role: u.role, active: true }));
  skribent = s!;
  admin = a!;
  photo = new Uint8Array(await sharp({ create: { width: 800, height: 600, channels: 3, background: "#335577" } }).jpeg().toBuffer());
});
afterAll(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
beforeEach(() => {
  state.actor = skribent;
});

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}
const post = (body: BodyInit, headers?: HeadersInit) => uploadRoute(new Request("http://test/api/media", { method: "POST", body, headers }));
const file = (id: string, name: string, headers?: HeadersInit) =>
  fileRoute(new Request(`http://test/media/${id}/${name}`, { headers }), { params: Promise.resolve({ id, file: name }) });

describe("POST /api/media", () => {
  it("uploads an image and answers 201 with its id and size", async () => {
    const response = await post(form({ file: new File([photo], "torget.jpg"), alt: "Torget", caption: "Vinter", credit: "Foto: Sara" }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as Record<string, unknown>;
    // The "Foto: " a writer types is not stored: every renderer adds it.
    expect(body).toMatchObject({ width: 800, height: 600, alt: "Torget", caption: "Vinter", credit: "Sara" });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 401 without a session and 403 for a role that may not upload", async () => {
    state.actor = null;
    expect((await post(form({ file: new File([photo], "a.jpg"), alt: "A" }))).status).toBe(401);
    state.actor = admin;
    const forbidden = await post(form({ file: new File([photo], "a.jpg"), alt: "A" }));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { message: string }).message).toMatch(/Du får inte/);
  });

  it("answers 400 with a Swedish message when the alt text or the file is missing", async () => {
    const noAlt = await post(form({ file: new File([photo], "a.jpg") }));
    expect(noAlt.status).toBe(400);
    expect(await noAlt.json()).toMatchObject({ message: "Skriv en alternativtext som beskriver bilden.", fieldErrors: { alt: expect.any(Array) } });
    const noFile = await post(form({ alt: "Något" }));
    expect(noFile.status).toBe(400);
    expect(await noFile.json()).toMatchObject({ message: "Välj en bild att ladda upp." });
  });

  it("answers 415 for a file that is not an image, and for a body that is not a form", async () => {
    const fake = await post(form({ file: new File(["<svg xmlns='http://www.w3.org/2000/svg'/>"], "bild.jpg", { type: "image/jpeg" }), alt: "Falsk" }));
    expect(fake.status).toBe(415);
    expect(await fake.json()).toMatchObject({ message: UNSUPPORTED_IMAGE_MESSAGE });
    expect((await post(JSON.stringify({ alt: "x" }), { "content-type": "application/json" })).status).toBe(415);
  });

  it("answers 413 from the Content-Length alone, and counts a body that announces none", async () => {
    let pulled = 0;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1024 * 1024));
        },
      });
    const announced = await uploadRoute(
      new Request("http://test/api/media", {
        method: "POST",
        body: endless(),
        duplex: "half",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024) },
      } as RequestInit),
    );
    expect(announced.status).toBe(413);
    expect(await announced.json()).toEqual({ message: "Bilden är för stor (högst 15 MB)." });
    const pulledBeforeChunked = pulled;
    expect(pulledBeforeChunked).toBeLessThanOrEqual(1);

    const chunked = await uploadRoute(
      new Request("http://test/api/media", { method: "POST", body: endless(), duplex: "half", headers: { "content-type": "multipart/form-data; boundary=x" } } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(pulled - pulledBeforeChunked).toBeLessThan(20);
  });
});

describe("GET /api/media", () => {
  it("lists the library with URLs, searches and pages", async () => {
    const response = await listRoute(new Request("http://test/api/media?q=torget&sida=1"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string; url: string; thumbnailUrl: string; variants: { url: string }[] }[]; total: number; pages: number };
    expect(body.total).toBe(1);
    const [item] = body.items;
    expect(item!.url).toBe(`/media/${item!.id}/original.jpg`);
    expect(item!.thumbnailUrl).toBe(`/media/${item!.id}/480.webp`);
    expect(item!.variants.map((v) => v.url)).toContain(`/media/${item!.id}/960.avif`);
    expect(((await (await listRoute(new Request("http://test/api/media?sida=2"))).json()) as { items: unknown[] }).items).toEqual([]);
  });

  it("refuses a bad page number and a role without the permission", async () => {
    expect((await listRoute(new Request("http://test/api/media?sida=abc"))).status).toBe(400);
    state.actor = admin;
    expect((await listRoute(new Request("http://test/api/media"))).status).toBe(403);
  });
});

describe("GET /media/<id>/<file>", () => {
  it("serves stored files publicly with their type and a year of immutable caching", async () => {
    state.actor = null;
    const id = fs.readdirSync(folder)[0]!;
    // An 800 px upload has every listed width; the 1600 file is 800 px wide.
    for (const [name, type] of [["original.jpg", "image/jpeg"], ["480.webp", "image/webp"], ["960.avif", "image/avif"], ["1600.webp", "image/webp"]] as const) {
      const response = await file(id, name);
      expect(response.status, name).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.length).toBe(Number(response.headers.get("content-length")));
      expect((await sharp(bytes).metadata()).format).toBe(name.endsWith("avif") ? "heif" : name.endsWith("webp") ? "webp" : "jpeg");
    }
    const etag = (await file(id, "480.webp")).headers.get("etag")!;
    expect((await file(id, "480.webp", { "if-none-match": etag })).status).toBe(304);
  });

  it("answers 404 for anything outside the allow-list or not stored", async () => {
    const id = fs.readdirSync(folder)[0]!;
    const missing = "00000000-0000-4000-8000-000000000000";
    const cases: [string, string][] = [
      [id, "original.png"], // a JPEG upload has no PNG original
      [missing, "480.webp"],
      [id, "original.webp"],
      [id, "500.webp"],
      [id, "480.WEBP"],
      [id, "480.webp.tmp"],
      [id, "..%2F..%2Fsecret"],
      ["..", "480.webp"],
      [id.toUpperCase(), "480.webp"],
      ["not-a-uuid", "original.jpg"],
    ];
    for (const [mediaId, name] of cases) {
      const response = await file(mediaId, name);
      expect(response.status, `${mediaId}/${name}`).toBe(404);
      expect(await response.text()).toBe("Bilden finns inte.");
    }
  });
});
