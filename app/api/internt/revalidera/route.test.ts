import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { POST } = await import("./route");
const { revalidationSignature } = await import("@/lib/workflow/revalidate");
const { env } = await import("@/lib/env");

// As requestRevalidation sends it: JSON, signed, no Origin (it is not a browser).
const post = (body: BodyInit, signature: string | null, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost/api/internt/revalidera", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-type": "application/json", ...(signature ? { "x-kb-signature": signature } : {}), ...headers },
    } as RequestInit),
  );

/** A body that never ends and announces no length (chunked), counting how much of it was pulled. */
function endless() {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  return { stream, counter };
}

describe("the internal revalidation route", () => {
  beforeEach(() => revalidatePath.mockClear());

  it("revalidates the paths of a request signed with the server's secret", async () => {
    const body = JSON.stringify({ paths: ["/", "/blogg/kommunchefen"] });
    expect((await post(body, revalidationSignature(body))).status).toBe(204);
    expect(revalidatePath.mock.calls).toEqual([["/", "layout"], ["/"], ["/blogg/kommunchefen"]]);
  });

  it("refuses an unsigned, wrongly signed or replayed-with-other-body request", async () => {
    const body = JSON.stringify({ paths: ["/"] });
    expect((await post(body, null)).status).toBe(403);
    expect((await post(body, "x".repeat(43))).status).toBe(403);
    expect((await post(JSON.stringify({ paths: ["/sok"] }), revalidationSignature(body))).status).toBe(403);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses paths that are not site paths", async () => {
    const body = JSON.stringify({ paths: ["https://example.com/"] });
    expect((await post(body, revalidationSignature(body))).status).toBe(400);
  });

  it("reads nothing of an unsigned or malformed-signature body, however long", async () => {
    for (const signature of [null, "kort", "x".repeat(43).replace(/x$/, "!"), "x".repeat(5000)]) {
      const { stream, counter } = endless();
      expect((await post(stream, signature)).status).toBe(403);
      // A ReadableStream pulls once to fill its queue when made; the route itself read nothing.
      expect(counter.pulled).toBeLessThanOrEqual(1);
    }
  });

  it("stops a well-formed but unverified chunked body at 20 kB with 413", async () => {
    const { stream, counter } = endless();
    const response = await post(stream, "A".repeat(43));
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThan(4);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("refuses a cross-site browser request and a body that is not JSON, signed or not", async () => {
    const body = JSON.stringify({ paths: ["/"] });
    const signature = revalidationSignature(body);
    expect((await post(body, signature, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(body, signature, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post(body, signature, { "content-type": "text/plain" })).status).toBe(415);
    expect(revalidatePath).not.toHaveBeenCalled();
    expect((await post(body, signature, { origin: new URL(env().PUBLIC_URL).origin, "sec-fetch-site": "same-origin" })).status).toBe(204);
  });
});
