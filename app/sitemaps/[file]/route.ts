import { getSitemapOverview, getSitemapYear } from "@/db/queries/public/sitemap";
import { getDb } from "@/db/client";
import { sitemapPageUrls, sitemapYearFile, sitemapYearUrls, stockholmYearBounds, urlsetXml, xmlResponse } from "@/lib/feeds/sitemap";

// Cached; publishing revalidates the reader site (lib/workflow/revalidate.ts), at most a minute stale otherwise.
export const revalidate = 60;

// None at build (the build has no real database): each file is rendered on its first request.
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

const notFound = () => new Response("Filen finns inte.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** One file the index names: "sidor.xml" (start page, archive, blogs, calendar, statement) or "<year>.xml". */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const db = await getDb();
  if (file === "sidor.xml") return xmlResponse(urlsetXml(sitemapPageUrls(await getSitemapOverview(db))));
  const year = Number(sitemapYearFile.exec(file)?.[1]);
  if (!Number.isInteger(year) || year < 1900) return notFound();
  const urls = sitemapYearUrls(await getSitemapYear(db, year, stockholmYearBounds(year)));
  // A year with nothing live has no file: the index does not name it either.
  return urls.length > 0 ? xmlResponse(urlsetXml(urls)) : notFound();
}
