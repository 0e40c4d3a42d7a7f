import { beforeEach, describe, expect, it, vi } from "vitest";

const revalidatePath = vi.fn();
vi.mock("next/cache", () => ({ revalidatePath: (...args: unknown[]) => revalidatePath(...args) }));

const { POST } = await import("./route");
const { revalidationSignature } = await import("@/lib/workflow/revalidate");

const post = (body: string, signature: string | null) =>
  POST(new Request("http://localhost/api/internt/revalidera", { method: "POST", body, headers: signature ? { "x-kb-signature": signature } : {} }));

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
});
