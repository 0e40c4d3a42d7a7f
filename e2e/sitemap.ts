import { expect, type APIRequestContext } from "@playwright/test";

const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

/**
 * The whole sitemap as a crawler reads it: /sitemap.xml is an index, and every file it names is
 * fetched. Returns each file's text and every address in them.
 */
export async function readSitemap(request: APIRequestContext) {
  const index = await request.get("/sitemap.xml");
  expect(index.status()).toBe(200);
  expect(index.headers()["content-type"]).toBe("application/xml; charset=utf-8");
  const indexXml = await index.text();
  expect(indexXml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
  const files = await Promise.all(
    locsOf(indexXml).map(async (loc) => {
      const response = await request.get(new URL(loc).pathname);
      expect(response.status(), loc).toBe(200);
      const xml = await response.text();
      expect(xml, loc).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      return { loc, xml };
    }),
  );
  return { indexXml, files, locs: files.flatMap((file) => locsOf(file.xml)) };
}
