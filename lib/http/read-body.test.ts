import { describe, expect, it } from "vitest";
import { BODY_TOO_LARGE_MESSAGE, readBodyCapped, readFormCapped, readJsonCapped } from "./read-body";

/** A body that never ends, announcing no length (as chunked transfer encoding), counting its pulls. */
function endless(chunkBytes = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { stream, counter };
}

const request = (body: BodyInit | null, headers: Record<string, string> = {}) => new Request("http://test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyCapped", () => {
  it("returns the bytes of a body within the cap", async () => {
    const read = await readBodyCapped(request("hej då"), 100);
    expect(read.ok && new TextDecoder().decode(read.value)).toBe("hej då");
  });

  it("accepts a body of exactly the cap, and an empty one", async () => {
    expect((await readBodyCapped(request("x".repeat(10)), 10)).ok).toBe(true);
    const empty = await readBodyCapped(new Request("http://test/", { method: "POST" }), 10);
    expect(empty.ok && empty.value.byteLength).toBe(0);
  });

  it("refuses a body announced as too large before reading any of it", async () => {
    const { stream, counter } = endless();
    const read = await readBodyCapped(request(stream, { "content-length": String(50 * 1024 * 1024) }), 1024);
    expect(read).toEqual({ ok: false, refusal: { status: 413, message: BODY_TOO_LARGE_MESSAGE } });
    // A ReadableStream pulls once to fill its queue when made; the handler itself read nothing.
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it("stops a chunked body at the cap instead of reading it all", async () => {
    const { stream, counter } = endless();
    const read = await readBodyCapped(request(stream), 200 * 1024, { tooLarge: "Texten är för stor." });
    expect(read).toEqual({ ok: false, refusal: { status: 413, message: "Texten är för stor." } });
    expect(counter.pulled).toBeLessThan(8);
  });

  it("refuses a body that breaks off as unreadable (400)", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error("socket hang up"));
      },
    });
    const read = await readBodyCapped(request(broken), 1024, { unreadable: "Texten kunde inte läsas." });
    expect(read).toEqual({ ok: false, refusal: { status: 400, message: "Texten kunde inte läsas." } });
  });

  it("refuses a body someone already read", async () => {
    const used = request("{}");
    await used.text();
    expect(await readBodyCapped(used, 100)).toMatchObject({ ok: false, refusal: { status: 400 } });
  });
});

describe("readJsonCapped", () => {
  it("parses JSON within the cap", async () => {
    expect(await readJsonCapped(request('{"resolved":true}'), 100)).toEqual({ ok: true, value: { resolved: true } });
  });

  it("refuses bad JSON and bad UTF-8 with 400, and too much with 413", async () => {
    expect(await readJsonCapped(request("{nej"), 100)).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(await readJsonCapped(request(new Uint8Array([0x22, 0xff, 0x22])), 100)).toMatchObject({ ok: false, refusal: { status: 400 } });
    expect(await readJsonCapped(request(JSON.stringify("x".repeat(200))), 100)).toMatchObject({ ok: false, refusal: { status: 413 } });
  });
});

describe("readFormCapped", () => {
  it("parses URL-encoded and multipart forms by their Content-Type", async () => {
    const encoded = await readFormCapped(request("token=abc&x=1", { "content-type": "application/x-www-form-urlencoded" }), 100);
    expect(encoded.ok && encoded.value.get("token")).toBe("abc");
    const form = new FormData();
    form.append("file", new Blob(["rad 1\n"]), "lista.csv");
    const multipart = await readFormCapped(new Request("http://test/", { method: "POST", body: form }), 10_000);
    expect(multipart.ok && multipart.value.get("file")).toBeInstanceOf(Blob);
  });

  it("refuses a multipart body whose file passes the cap, and one with a broken boundary", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(5000)]), "stor.csv");
    expect(await readFormCapped(new Request("http://test/", { method: "POST", body: form }), 4000)).toMatchObject({ ok: false, refusal: { status: 413 } });
    const broken = request("--x\r\nnonsense", { "content-type": "multipart/form-data; boundary=y" });
    expect(await readFormCapped(broken, 1000)).toMatchObject({ ok: false, refusal: { status: 400 } });
  });
});
