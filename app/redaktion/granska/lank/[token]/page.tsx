import type { Metadata } from "next";
import Link from "next/link";
import { ArticleView } from "@/components/content/article-view";
import { DescriptionPreview } from "@/components/review/description-preview";
import { getDb } from "@/db/client";
import { getRevision } from "@/db/queries/editorial";
import { getIssueRow } from "@/db/queries/issues";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getMedia } from "@/lib/media/list-media";
import { checkApprovalToken } from "@/lib/workflow/approval-link";
import { issueArticlesWithRevisions } from "@/lib/workflow/services/issue-workflow";
import { LinkDecision } from "./link-decision";

export const metadata: Metadata = { title: "Godkänn från e-post", referrer: "no-referrer" };

/**
 * The page a review e-mail links to. Opening it decides nothing (mail scanners follow links); the
 * utgivare, signed in, sees exactly the mailed version and presses a button.
 */
export default async function ApprovalLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requireUser(`/redaktion/granska/lank/${token}`);
  const db = await getDb();
  const check = await checkApprovalToken(db, decodeURIComponent(token), user.id);
  if (!check.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Länken fungerar inte</h1>
        <p role="alert">{check.message}</p>
        <Link href="/redaktion/granska" className="font-semibold text-brand underline">
          Till Att granska
        </Link>
      </div>
    );
  }
  const { row } = check;
  const expires = `Länken gäller till ${formatDateTime(row.expiresAt)} och kan användas en gång.`;

  if (row.revisionId) {
    const revision = await getRevision(db, row.revisionId);
    if (!revision) return <p role="alert">Texten finns inte längre.</p>;
    const cover = revision.coverMediaId ? await getMedia(db, revision.coverMediaId) : null;
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">Granska: {revision.title || "(utan rubrik)"}</h1>
        <p>
          Version {revision.number}, den som skickades till dig. {expires}
        </p>
        <div className="rounded bg-paper py-6">
          <ArticleView title={revision.title || "(utan rubrik)"} lead={revision.lead} body={revision.body} byline={revision.byline} publishedAt={null} cover={cover} />
        </div>
        <DescriptionPreview title={revision.title} lead={revision.lead} description={revision.description} headingId="preview-heading" />
        <LinkDecision token={decodeURIComponent(token)} doneHref={`/redaktion/texter/${row.itemId}/granska`} />
      </div>
    );
  }

  const issue = row.issueId ? await getIssueRow(db, row.issueId) : undefined;
  if (!issue) return <p role="alert">Numret finns inte längre.</p>;
  const articles = await issueArticlesWithRevisions(db, issue.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">
        Granska: nummer {issue.number} {issue.year}
      </h1>
      <p>{expires} Godkännandet gäller numret som det var när det skickades; har något ändrats sedan dess måste du granska det på nytt.</p>
      <p>
        <Link href={`/redaktion/nummer/${issue.id}/forhandsgranska`} className="font-semibold text-brand underline">
          Förhandsgranska numret
        </Link>{" "}
        – hela numret med kalendarium och kolofon, som läsarna ser det.
      </p>
      {articles.map(({ item, revision }) => (
        <div key={item.id} className="rounded bg-paper py-6">
          <ArticleView title={revision.title || "(utan rubrik)"} lead={revision.lead} body={revision.body} byline={revision.byline} publishedAt={null} cover={null} />
        </div>
      ))}
      <LinkDecision token={decodeURIComponent(token)} doneHref={`/redaktion/nummer/${issue.id}`} />
    </div>
  );
}
