import type { JSONContent } from "@tiptap/core";
import Link from "next/link";
import { Corrections, type CorrectionNote } from "@/components/content/corrections";
import { CoverImage, coverOf, type CoverRow } from "@/components/content/cover-image";
import { RichText } from "@/components/content/rich-text";
import { withHeadingsFrom } from "@/components/site/heading-levels";
import { TagLinks } from "@/components/site/tag-links";
import type { FrozenEvent } from "@/db/schema";
import { bylineText, formatDate, isoDate } from "@/lib/format";
import type { ColophonData } from "@/lib/issues/colophon";
import { Colophon } from "./colophon";
import { Kalendarium } from "./kalendarium";

export type IssueBodyArticle = {
  id: string;
  slug: string;
  placement: "column" | "article";
  title: string;
  lead: string;
  body: JSONContent;
  byline: Parameters<typeof bylineText>[0];
  tags: readonly string[];
} & CoverRow;

export type IssueBodyProps = {
  issue: { publicationName: string; number: number; year: number; title: string | null; publishedAt: Date | null; calendar: readonly FrozenEvent[]; calendarNote: string };
  /** In reading order (the column first). */
  articles: readonly IssueBodyArticle[];
  colophon: ColophonData;
  corrections: ReadonlyMap<string, readonly CorrectionNote[]>;
  /**
   * Where an article's heading links to: its public page for readers, its staff preview for the
   * whole-issue preview (an unpublished article has no public page, and none may be guessed from it).
   */
  articleHref: (article: IssueBodyArticle) => string;
};

/**
 * A newsletter issue as readers read it: header, contents, every article, Kalendarium and colophon.
 * The public issue page and the staff's whole-issue preview both render this one component, so what
 * the kommunchef approves cannot drift from what readers get.
 */
export function IssueBody({ issue, articles, colophon, corrections, articleHref }: IssueBodyProps) {
  return (
    <article aria-labelledby="nummer" className="space-y-10">
      <header className="border-b border-gray-300 pb-6">
        <p className="text-lg font-semibold uppercase tracking-wide text-brand">{issue.publicationName}</p>
        <h1 id="nummer" className="mt-1 text-4xl font-bold">
          Nummer {issue.number} {issue.year}
        </h1>
        {issue.title ? <p className="mt-2 text-xl">{issue.title}</p> : null}
        {issue.publishedAt ? (
          <p className="mt-2 text-muted">
            Publicerat <time dateTime={isoDate(issue.publishedAt)}>{formatDate(issue.publishedAt)}</time>
          </p>
        ) : null}
        {articles.length > 1 ? (
          <nav aria-label="I det här numret" className="mt-6 no-print">
            <h2 className="text-base font-semibold">I det här numret</h2>
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {articles.map((article) => (
                <li key={article.id}>
                  <a className="text-brand underline" href={`#${article.slug}`}>
                    {article.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>

      {articles.map((article) => (
        <section key={article.id} id={article.slug} aria-labelledby={`${article.slug}-rubrik`} className="scroll-mt-4">
          {article.placement === "column" ? <p className="text-sm font-semibold uppercase tracking-wide text-accent">Krönika</p> : null}
          <h2 id={`${article.slug}-rubrik`} className="text-3xl font-bold leading-tight">
            <Link className="underline-offset-4 hover:underline" href={articleHref(article)}>
              {article.title}
            </Link>
          </h2>
          {article.lead ? <p className="mt-3 text-xl font-medium leading-relaxed">{article.lead}</p> : null}
          {/* Signed or not, as on the article's own page: every writer, guests included. */}
          {article.byline.length > 0 ? <p className="mt-2 text-muted">{bylineText(article.byline)}</p> : null}
          {coverOf(article) ? <CoverImage cover={coverOf(article)!} /> : null}
          {/* Subheadings below the article's h2, whatever level the writer started from. */}
          <RichText content={withHeadingsFrom(article.body, 3)} className="mt-5 max-w-prose" />
          <TagLinks tags={article.tags} className="mt-4" />
          <Corrections corrections={corrections.get(article.id) ?? []} headingLevel={3} />
        </section>
      ))}

      <Kalendarium events={issue.calendar} note={issue.calendarNote} />

      <Colophon {...colophon} />
    </article>
  );
}
