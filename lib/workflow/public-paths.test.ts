import { describe, expect, it } from "vitest";
import { affectedPublicPaths } from "./public-paths";

describe("affectedPublicPaths", () => {
  it("names a post's page, its blog, the list of blogs, the feeds and the sitemap file of its year in Stockholm", () => {
    const paths = affectedPublicPaths({ kind: "post", blogSlug: "kommunchefen", slug: "gott-nytt-ar", publishedAt: new Date("2025-12-31T23:30:00Z") });
    expect(paths).toEqual(
      expect.arrayContaining([
        "/",
        "/sitemap.xml",
        "/sitemaps/sidor.xml",
        "/sitemaps/2026.xml",
        "/blogg",
        "/blogg/kommunchefen",
        "/blogg/kommunchefen/gott-nytt-ar",
        "/blogg/kommunchefen/feed.xml",
      ]),
    );
    expect(paths).not.toContain("/sitemaps/2025.xml");
  });

  it("names no year file for a post that was never published", () => {
    const paths = affectedPublicPaths({ kind: "post", blogSlug: "b", slug: "s", publishedAt: null });
    expect(paths.filter((path) => /^\/sitemaps\/\d{4}\.xml$/.test(path))).toEqual([]);
  });

  it("names an issue's page, the archive, the newsletter feed and its year's sitemap file", () => {
    const paths = affectedPublicPaths({ kind: "issue", year: 2026, number: 11 });
    expect(paths).toEqual(expect.arrayContaining(["/nyhetsbrev", "/nyhetsbrev/2026/11", "/nyhetsbrev/feed.xml", "/sitemaps/2026.xml", "/sitemaps/sidor.xml"]));
  });
});
