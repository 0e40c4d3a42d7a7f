import type { Metadata } from "next";
import Link from "next/link";
import { getIssueArchive } from "@/db/queries/public/issues";
import { getSiteSettings } from "@/db/queries/settings";
import { getDb } from "@/db/client";
import { archiveMetadata } from "@/lib/feeds/page-metadata";
import { formatDate, isoDate } from "@/lib/format";

// Cached and revalidated on publish (lib/workflow/revalidate.ts); at most a minute stale elsewhere.
export const revalidate = 60;

// Feeds and metadata (issue 6): canonical, Open Graph, Twitter.
export async function generateMetadata(): Promise<Metadata> {
  return archiveMetadata(await getSiteSettings(await getDb()));
}

export default async function ArchivePage() {
  const issues = await getIssueArchive(await getDb());
  const years = [...new Set(issues.map((issue) => issue.year))];
  return (
    <div>
      <h1 className="text-4xl font-bold">Nyhetsbrev</h1>
      <p className="mt-2 text-lg">Alla nummer av nyhetsbrevet, år för år.</p>
      {issues.length === 0 ? <p className="mt-4">Inget nummer är publicerat ännu.</p> : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`ar-${year}`} className="mt-8">
          <h2 id={`ar-${year}`} className="text-2xl font-bold">
            {year}
          </h2>
          <ul className="mt-3 space-y-2">
            {issues
              .filter((issue) => issue.year === year)
              .map((issue) => (
                <li key={issue.id}>
                  <Link className="text-lg font-semibold text-brand underline" href={`/nyhetsbrev/${issue.year}/${issue.number}`}>
                    Nummer {issue.number} {issue.year}
                  </Link>
                  {issue.title ? <span> – {issue.title}</span> : null}
                  {issue.publishedAt ? (
                    <span className="text-muted">
                      {" "}
                      – <time dateTime={isoDate(issue.publishedAt)}>{formatDate(issue.publishedAt)}</time>
                    </span>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
