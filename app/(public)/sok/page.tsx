import type { Metadata } from "next";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { getSiteSettings } from "@/db/queries/settings";
import { getSearchFilters, searchParamsSchema, searchPublished } from "@/db/queries/search";
import { getDb } from "@/db/client";

// Every query is its own page: nothing here is worth caching.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

async function parse(searchParams: Props["searchParams"]) {
  const { q, publikation, ar, sida } = searchParamsSchema.parse(await searchParams);
  return { q, publication: publikation, year: ar, page: sida };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [{ q }, settings] = await Promise.all([parse(searchParams), getDb().then(getSiteSettings)]);
  const site = settings?.municipalityName ?? "Kommunbladet";
  // Result pages are endless variations of one page: keep them out of search engines' indexes.
  return { title: q ? `Sök: ${q} – ${site}` : `Sök – ${site}`, robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await parse(searchParams);
  const db = await getDb();
  const [filters, result] = await Promise.all([getSearchFilters(db), params.q ? searchPublished(db, params) : null]);
  return (
    <div>
      <h1 className="text-4xl font-bold">Sök</h1>
      <p className="mt-2 text-muted">Sök bland publicerade nyhetsbrev och blogginlägg.</p>
      <SearchForm q={params.q} publication={params.publication} year={params.year} publications={filters.publications} years={filters.years} />
      {result ? <SearchResults result={result} params={params} /> : null}
    </div>
  );
}
