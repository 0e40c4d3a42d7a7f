import Link from "next/link";
import { articleMarkers, issueIsLiveAt, previewSummary, type PreviewArticleState, type PreviewIssueState } from "@/lib/issues/preview-state";

type BannerArticle = PreviewArticleState & { id: string; slug: string };

/**
 * The staff's frame around the preview: what it shows, the way back, the e-mail edition, and each
 * article's state. Never part of what readers get, which is why it lives beside the page and not in
 * components/newsletter.
 */
export function PreviewBanner({ issueId, issue, articles, now }: { issueId: string; issue: PreviewIssueState; articles: readonly BannerArticle[]; now: Date }) {
  const { heading, notes } = previewSummary(issue, articles, now);
  const live = issueIsLiveAt(issue, now);
  return (
    <div role="note" aria-label="Förhandsgranskning" className="space-y-3 rounded border-l-4 border-accent bg-amber-50 p-4">
      <p className="font-semibold">{heading}</p>
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <p className="flex flex-wrap gap-x-6 gap-y-1">
        <Link href={`/redaktion/nummer/${issueId}`} className="text-brand underline underline-offset-4">
          ← Tillbaka till numret
        </Link>
        <Link href={`/redaktion/nummer/${issueId}/e-post`} className="text-brand underline underline-offset-4">
          Förhandsgranska e-post
        </Link>
      </p>
      {articles.length > 0 ? (
        <nav aria-label="Artiklarnas läge">
          <p className="font-semibold">Artiklarnas läge</p>
          <ol className="mt-1 list-decimal space-y-1 pl-6">
            {articles.map((article) => (
              <li key={article.id}>
                <a href={`#${article.slug}`} className="text-brand underline">
                  {article.title.trim() || "(utan rubrik)"}
                </a>
                {" – "}
                {articleMarkers(article, live).map((marker, index) => (
                  <span key={marker}>
                    {index > 0 ? ", " : null}
                    <strong className="font-semibold">{marker}</strong>
                  </span>
                ))}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
    </div>
  );
}
