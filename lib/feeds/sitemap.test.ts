import { describe, expect, it } from "vitest";
import { utcToStockholmLocal } from "@/lib/dates";
import { SITEMAP_MAX_URLS, sitemapIndexUrls, sitemapIndexXml, sitemapPageUrls, sitemapYearFile, sitemapYearUrls, stockholmYearBounds, urlsetXml } from "./sitemap";
import { absoluteUrl } from "./urls";

const d = (iso: string) => new Date(iso);

describe("sitemap index", () => {
  it("names the pages' file and each year, newest year first, with their last change", () => {
    const urls = sitemapIndexUrls({
      newsletter: [{ year: 2019, modifiedAt: d("2019-12-01T10:00:00Z") }],
      posts: [
        { blogSlug: "kommunchefen", year: 2026, modifiedAt: d("2026-03-01T10:00:00Z") },
        { blogSlug: "kommunchefen", year: 2019, modifiedAt: d("2019-06-01T10:00:00Z") },
      ],
      blogSlugs: ["kommunchefen"],
    });
    expect(urls.map((u) => u.url)).toEqual([absoluteUrl("/sitemaps/sidor.xml"), absoluteUrl("/sitemaps/2026.xml"), absoluteUrl("/sitemaps/2019.xml")]);
    expect(urls[0]!.lastModified).toEqual(d("2026-03-01T10:00:00Z"));
    expect(urls[2]!.lastModified).toEqual(d("2019-12-01T10:00:00Z"));
    const xml = sitemapIndexXml(urls);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    expect(xml).toContain(`<sitemap><loc>${absoluteUrl("/sitemaps/2019.xml")}</loc><lastmod>2019-12-01T10:00:00.000Z</lastmod></sitemap>`);
  });

  it("matches the year files it names, and nothing else", () => {
    expect(sitemapYearFile.exec("2026.xml")?.[1]).toBe("2026");
    for (const bad of ["sidor.xml", "26.xml", "2026.xml.gz", "../2026.xml", "2026"]) expect(sitemapYearFile.test(bad)).toBe(false);
  });
});

describe("a year's file", () => {
  it("lists the issues, their articles and the posts; an issue changed when an article was corrected", () => {
    const urls = sitemapYearUrls({
      issues: [{ year: 2025, number: 3, publishedAt: d("2025-05-01T08:00:00Z") }],
      articles: [{ year: 2025, number: 3, slug: "ny-förskola", modifiedAt: d("2025-06-10T08:00:00Z") }],
      posts: [{ blogSlug: "kommunchefen", slug: "om-budgeten", modifiedAt: d("2025-02-01T08:00:00Z") }],
    });
    expect(urls).toEqual([
      { url: absoluteUrl("/nyhetsbrev/2025/3"), lastModified: d("2025-06-10T08:00:00Z") },
      { url: absoluteUrl("/nyhetsbrev/2025/3/ny-f%C3%B6rskola"), lastModified: d("2025-06-10T08:00:00Z") },
      { url: absoluteUrl("/blogg/kommunchefen/om-budgeten"), lastModified: d("2025-02-01T08:00:00Z") },
    ]);
  });

  it("never holds more than the protocol's 50,000 addresses", () => {
    const posts = Array.from({ length: SITEMAP_MAX_URLS + 5 }, (_, i) => ({ blogSlug: "b", slug: `p${i}`, modifiedAt: d("2025-01-01T00:00:00Z") }));
    expect(sitemapYearUrls({ issues: [], articles: [], posts })).toHaveLength(SITEMAP_MAX_URLS);
  });

  it("is a year in Stockholm: a post at 00:30 on New Year's Day, Swedish time, belongs to the new year", () => {
    const { from, to } = stockholmYearBounds(2026);
    expect(utcToStockholmLocal(from)).toBe("2026-01-01T00:00");
    expect(utcToStockholmLocal(to)).toBe("2027-01-01T00:00");
    expect(from.toISOString()).toBe("2025-12-31T23:00:00.000Z");
  });
});

describe("the pages' file", () => {
  it("lists the start page, the archive, the list of blogs, each blog, the calendar and the accessibility statement", () => {
    const urls = sitemapPageUrls({
      newsletter: [{ year: 2025, modifiedAt: d("2025-11-01T00:00:00Z") }],
      posts: [{ blogSlug: "kommunchefen", year: 2026, modifiedAt: d("2026-01-02T00:00:00Z") }],
      blogSlugs: ["kommunchefen", "tom-blogg"],
    });
    expect(urls.map((u) => new URL(u.url).pathname)).toEqual(["/", "/nyhetsbrev", "/blogg", "/blogg/kommunchefen", "/blogg/tom-blogg", "/kalender", "/tillganglighet"]);
    expect(urls.map((u) => u.lastModified)).toEqual([
      d("2026-01-02T00:00:00Z"),
      d("2025-11-01T00:00:00Z"),
      d("2026-01-02T00:00:00Z"),
      d("2026-01-02T00:00:00Z"),
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("escapes what XML must not see raw", () => {
    const xml = urlsetXml([{ url: "https://example.test/?a=1&b=<2>" }]);
    expect(xml).toContain("<url><loc>https://example.test/?a=1&amp;b=&lt;2&gt;</loc></url>");
  });
});
