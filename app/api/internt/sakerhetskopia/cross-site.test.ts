import { describe, expect, it, vi } from "vitest";

const dumpDatabase = vi.fn();
vi.mock("@/db/client", () => ({ dumpDatabase: (...args: unknown[]) => dumpDatabase(...args), getDb: async () => null }));

const { POST } = await import("./route");
const { signedBackupHeaders } = await import("@/lib/server/backup.mjs");
const { authSecret } = await import("@/lib/env");

describe("the backup route and other sites", () => {
  it("refuses a browser sent by another site before looking at the signature, and dumps nothing", async () => {
    for (const extra of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }] as Record<string, string>[]) {
      const response = await POST(new Request("http://test/api/internt/sakerhetskopia", { method: "POST", headers: { ...signedBackupHeaders(authSecret()), ...extra } }));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { message: string }).message).toMatch(/annan webbplats/);
    }
    expect(dumpDatabase).not.toHaveBeenCalled();
  });
});
