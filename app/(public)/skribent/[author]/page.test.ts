import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { updateUser } from "@/lib/users/update-user";

let t: TestDb;
vi.mock("@/db/client", () => ({ getDb: async () => t.db }));
/** Next ends a page with a redirect or a 404 by throwing; so do these, with where they lead. */
vi.mock("next/navigation", () => ({
  permanentRedirect: (location: string) => {
    throw Object.assign(new Error(`308 ${location}`), { location });
  },
  notFound: () => {
    throw Object.assign(new Error("404"), { location: null });
  },
}));

let demo: Awaited<ReturnType<typeof seededDemo>>;
beforeAll(async () => {
  t = await createTestDb();
  demo = await seededDemo(t.db);
});
afterAll(() => t.close());

const open = async (author: string) => {
  const { default: AuthorPage } = await import("./page");
  return AuthorPage({ params: Promise.resolve({ author }) }).then(
    () => "page",
    (error: { location?: string | null }) => (error.location === undefined ? Promise.reject(error) : (error.location ?? "404")),
  );
};

describe("an author page after a name change", () => {
  it("answers the old address with a permanent redirect to the new one", async () => {
    expect(await open("karin-holm")).toBe("page");
    await updateUser(t.db, demo.admin, { id: demo.utgivare.id, name: "Karin Holm Berg", jobTitle: "Kommunchef", role: "utgivare" });
    expect(await open("karin-holm-berg")).toBe("page");
    expect(await open("karin-holm")).toBe("/skribent/karin-holm-berg");
    expect(await open("finns-inte")).toBe("404");
  });
});
