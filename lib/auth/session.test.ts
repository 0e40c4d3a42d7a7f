import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "./session";

// requireActor() as every action calls it, with the session and the database stood in for; the
// permission table is the real one, except where a test takes "staff.access" away.
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, denyStaffAccess: false }));
vi.mock("./config", () => ({ auth: async () => (state.user ? { user: { id: state.user.id }, sessionId: "s", sessionVersion: 0 } : null) }));
vi.mock("./sessions", () => ({ sessionUser: async () => state.user }));
vi.mock("@/db/client", () => ({ getDb: async () => ({}) }));
vi.mock("@/lib/permissions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/permissions")>();
  return { ...actual, can: (...args: Parameters<typeof actual.can>) => !(state.denyStaffAccess && args[1] === "staff.access") && actual.can(...args) };
});

const { requireActor } = await import("./session");

const sara: CurrentUser = {
  id: "00000000-0000-4000-8000-000000000001",
  name: "Sara Lind",
  email: "skribent@exempelby.test",
  jobTitle: "Planarkitekt",
  role: "skribent",
  active: true,
};

beforeEach(() => {
  state.user = null;
  state.denyStaffAccess = false;
});

describe("requireActor", () => {
  it("answers UNAUTHENTICATED without a session", async () => {
    await expect(requireActor()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("returns the user whose role has staff.access", async () => {
    state.user = sara;
    await expect(requireActor()).resolves.toEqual(sara);
  });

  it("refuses a user whose role lacks staff.access", async () => {
    state.user = sara;
    state.denyStaffAccess = true;
    const refused = await requireActor().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "FORBIDDEN", message: "Du har inte behörighet till redaktionen." });
  });
});
