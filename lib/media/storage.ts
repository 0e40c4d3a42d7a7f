import "server-only";
import { randomUUID } from "node:crypto";
import fs, { type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";

export type StoredFile = { body: ReadableStream<Uint8Array>; size: number };

/**
 * Where image files live. Keys are server-made, slash-separated names ("<uuid>/960.webp"), never
 * paths or URLs, so that an object store (S3, Azure Blob) can implement this interface later and
 * several app instances can share it.
 */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file as a stream, or null when there is no such file. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Keys are one to four plain name segments: no "..", no absolute paths, no backslashes or NUL bytes. */
export function isSafeKey(key: string): boolean {
  if (key.length === 0 || key.length > 512) return false;
  const segments = key.split("/");
  return segments.length <= 4 && segments.every((segment) => SEGMENT.test(segment) && !segment.includes(".."));
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** Files under one folder. A single machine, or several sharing the folder over a network file system. */
export class LocalDiskStorage implements MediaStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file path of a key; throws on any key that could reach outside the root. */
  private pathOf(key: string): string {
    const resolved = path.resolve(this.root, ...key.split("/"));
    // The pattern already rules out traversal; the prefix check guards against a future pattern change.
    if (!isSafeKey(key) || !resolved.startsWith(this.root + path.sep)) {
      throw new Error(`Unsafe media storage key: ${JSON.stringify(key)}`);
    }
    return resolved;
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    // The content type is implied by the key's extension on disk; an object store would store it.
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so that a reader never gets a half-written file.
    const temporary = `${file}.${randomUUID()}.tmp`;
    try {
      await fs.writeFile(temporary, bytes, { flag: "wx" });
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.pathOf(key);
    let handle: FileHandle;
    try {
      handle = await fs.open(file, "r");
    } catch (error) {
      if (["ENOENT", "ENOTDIR", "EISDIR"].includes(errorCode(error) ?? "")) return null;
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        return null;
      }
      // The stream closes the handle when it ends or is cancelled.
      const body = Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
      return { body, size: stat.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await fs.rm(file, { force: true });
    // Drop the image's folder once its last file is gone; a folder still in use stays.
    const folder = path.dirname(file);
    if (folder !== this.root) await fs.rmdir(folder).catch(() => undefined);
  }
}

const globalKey = Symbol.for("kommunbladet.media-storage");
type Holder = { [globalKey]?: MediaStorage };

/** The process's media storage (like the database handle, one per process even across bundles). */
export function getMediaStorage(): MediaStorage {
  const holder = globalThis as Holder;
  holder[globalKey] ??= new LocalDiskStorage(env().MEDIA_DIR);
  return holder[globalKey];
}
