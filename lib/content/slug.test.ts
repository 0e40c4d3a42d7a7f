import { describe, expect, it } from "vitest";
import { slugFromTitle, uniqueSlug } from "./slug";

describe("slugFromTitle", () => {
  it.each([
    ["Världens bästa vardag", "varldens-basta-vardag"],
    ["Öppet hus på Åsens skola", "oppet-hus-pa-asens-skola"],
    ["  Nytt: 24 nya lägenheter!  ", "nytt-24-nya-lagenheter"],
    ["???", "text"],
  ])("%s → %s", (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it("keeps slugs short and never ends on a dash", () => {
    const slug = slugFromTitle("ord ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("numbers a taken slug", () => {
    expect(uniqueSlug("a", new Set())).toBe("a");
    expect(uniqueSlug("a", new Set(["a", "a-2"]))).toBe("a-3");
  });
});
