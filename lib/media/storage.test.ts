import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSafeKey, LocalDiskStorage } from "./storage";

let parent: string;
let storage: LocalDiskStorage;

beforeAll(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), "kb-media-"));
  storage = new LocalDiskStorage(path.join(parent, "media"));
  // A file beside the storage folder that no key may reach.
  fs.writeFileSync(path.join(parent, "secret.txt"), "hemligt");
});
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

const ID = "0b6c1b5e-6f0e-4f43-9d7a-2f1c3e4d5a6b";

describe("LocalDiskStorage", () => {
  it("stores, reads and deletes a file by key", async () => {
    await storage.put(`${ID}/960.webp`, Buffer.from("bildbytes"), "image/webp");
    const stored = await storage.get(`${ID}/960.webp`);
    expect(stored?.size).toBe(9);
    expect(await text(stored!.body)).toBe("bildbytes");
    await storage.delete(`${ID}/960.webp`);
    expect(await storage.get(`${ID}/960.webp`)).toBeNull();
    // The image's folder goes with its last file.
    expect(fs.existsSync(path.join(storage.root, ID))).toBe(false);
  });

  it("answers null for a missing file and ignores deleting one", async () => {
    expect(await storage.get(`${ID}/480.avif`)).toBeNull();
    await expect(storage.delete(`${ID}/480.avif`)).resolves.toBeUndefined();
  });

  it("replaces a file whole and leaves no temporary files behind", async () => {
    await storage.put(`${ID}/original.jpg`, Buffer.from("första"), "image/jpeg");
    await storage.put(`${ID}/original.jpg`, Buffer.from("andra"), "image/jpeg");
    expect(await text((await storage.get(`${ID}/original.jpg`))!.body)).toBe("andra");
    expect(fs.readdirSync(path.join(storage.root, ID))).toEqual(["original.jpg"]);
  });

  it("refuses keys that could reach outside its folder", async () => {
    const unsafe = [
      "../secret.txt",
      "../../etc/passwd",
      `${ID}/../../secret.txt`,
      "/etc/passwd",
      "..",
      ".",
      "",
      `${ID}/..`,
      `${ID}\\..\\..\\secret.txt`,
      "..\\secret.txt",
      `${ID}//960.webp`,
      `${ID}/960.webp/`,
      "%2e%2e/secret.txt",
      ".hidden",
      "a\0b",
      "a/b/c/d/e",
      `${ID}/960.webp `,
    ];
    for (const key of unsafe) {
      expect(isSafeKey(key), key).toBe(false);
      await expect(storage.get(key), key).rejects.toThrow(/Unsafe media storage key/);
      await expect(storage.put(key, Buffer.from("x"), "image/jpeg"), key).rejects.toThrow(/Unsafe media storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/Unsafe media storage key/);
    }
    expect(fs.readFileSync(path.join(parent, "secret.txt"), "utf8")).toBe("hemligt");
    expect(fs.readdirSync(parent).filter((name) => name !== "media")).toEqual(["secret.txt"]);
  });

  it("accepts the keys the upload pipeline makes", () => {
    for (const key of [`${ID}/original.jpg`, `${ID}/original.png`, `${ID}/480.webp`, `${ID}/1600.avif`]) {
      expect(isSafeKey(key), key).toBe(true);
    }
  });
});
