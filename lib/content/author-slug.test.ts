import { describe, expect, it } from "vitest";
import { assignAuthorSlugs, MAX_AUTHOR_SLUG_LENGTH } from "./author-slug";

const at = (day: number) => new Date(Date.UTC(2026, 0, day));

describe("assignAuthorSlugs", () => {
  it("gives each name its slug, Swedish letters folded", () => {
    const slugs = assignAuthorSlugs([
      { id: "a", name: "Åsa Öberg", createdAt: at(1) },
      { id: "b", name: "Per Ström", createdAt: at(2) },
    ]);
    expect(Object.fromEntries(slugs)).toEqual({ a: "asa-oberg", b: "per-strom" });
  });

  it("keeps two officials with the same name apart: the older account has the plain slug", () => {
    const slugs = assignAuthorSlugs([
      { id: "newer", name: "Anna Andersson", createdAt: at(5) },
      { id: "older", name: "Anna Andersson", createdAt: at(1) },
      { id: "newest", name: "anna  andersson", createdAt: at(9) },
    ]);
    expect(slugs.get("older")).toBe("anna-andersson");
    expect(slugs.get("newer")).toBe("anna-andersson-2");
    expect(slugs.get("newest")).toBe("anna-andersson-3");
  });

  it("never hands out a slug twice, even to a name that looks like a numbered one", () => {
    const slugs = assignAuthorSlugs([
      { id: "1", name: "Anna Andersson", createdAt: at(1) },
      { id: "2", name: "Anna Andersson 2", createdAt: at(2) },
      { id: "3", name: "Anna Andersson", createdAt: at(3) },
    ]);
    expect(new Set(slugs.values()).size).toBe(3);
    expect(slugs.get("2")).toBe("anna-andersson-2");
    expect(slugs.get("3")).toBe("anna-andersson-3");
  });

  it("does not move anyone's page when an account is added", () => {
    const before = [
      { id: "x", name: "Karin Lind", createdAt: at(1) },
      { id: "y", name: "Karin Lind", createdAt: at(2) },
    ];
    const after = assignAuthorSlugs([...before, { id: "z", name: "Karin Lind", createdAt: at(3) }]);
    const original = assignAuthorSlugs(before);
    expect(after.get("x")).toBe(original.get("x"));
    expect(after.get("y")).toBe(original.get("y"));
    expect(after.get("z")).toBe("karin-lind-3");
  });

  it("orders accounts made in the same instant by id, so every process agrees", () => {
    const one = assignAuthorSlugs([
      { id: "b", name: "Ola Berg", createdAt: at(1) },
      { id: "a", name: "Ola Berg", createdAt: at(1) },
    ]);
    expect(one.get("a")).toBe("ola-berg");
    expect(one.get("b")).toBe("ola-berg-2");
  });

  it("stays within the length the author page accepts", () => {
    const long = "Anna-Karin ".repeat(20);
    const slugs = assignAuthorSlugs(Array.from({ length: 12 }, (_, i) => ({ id: String(i), name: long, createdAt: at(i + 1) })));
    for (const slug of slugs.values()) expect(slug.length).toBeLessThanOrEqual(MAX_AUTHOR_SLUG_LENGTH);
  });

  it("keeps stored slugs and gives the others free ones, past earlier addresses", () => {
    const slugs = assignAuthorSlugs(
      [
        { id: "a", name: "Karin Lind", createdAt: at(1) },
        { id: "b", name: "Karin Holm", createdAt: at(2), slug: "karin-lind" },
        { id: "c", name: "Ola Berg", createdAt: at(3) },
      ],
      ["ola-berg"],
    );
    expect(slugs.get("b")).toBe("karin-lind");
    expect(slugs.get("a")).toBe("karin-lind-2");
    expect(slugs.get("c")).toBe("ola-berg-2");
  });
});
