import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { IssueBody } from "@/components/newsletter/issue-body";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { loadIssuePreview } from "@/lib/issues/load-preview";
import { previewPublishedAt } from "@/lib/issues/preview-state";
import { PreviewBanner } from "./preview-banner";

type Props = { params: Promise<{ id: string }> };

/** The same people who assemble and review issues: the redaktör and the utgivare (issue.manage). */
async function load(params: Props["params"]) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/nummer/${id}/forhandsgranska`);
  requirePermission(user, "issue.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const preview = await loadIssuePreview(await getDb(), id);
  if (!preview) notFound();
  return preview;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue } = await load(params);
  return {
    title: `Förhandsgranska nummer ${issue.number} ${issue.year}`,
    // Unpublished words: never indexed, even if the address got out, and never named in a Referer.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * "Förhandsgranska numret": the whole issue as readers would get it if it were published now, drawn
 * by the public page's own IssueBody from each article's current revision. Rendered per request for a
 * signed-in user (the session makes it dynamic), so no shared cache ever holds it.
 */
export default async function IssuePreviewPage({ params }: Props) {
  const { issue, articles, colophon, calendar, corrections } = await load(params);
  const now = new Date();
  return (
    <div className="space-y-6">
      <PreviewBanner issueId={issue.id} issue={issue} articles={articles} now={now} />
      <div className="rounded bg-paper px-4 py-8">
        <div className="mx-auto max-w-5xl">
          <IssueBody
            issue={{ ...issue, publishedAt: previewPublishedAt(issue, now), calendar }}
            // An article without a title still needs words in its heading and its link.
            articles={articles.map((article) => ({ ...article, title: article.title.trim() || "(utan rubrik)" }))}
            colophon={colophon}
            corrections={corrections}
            // Its staff preview: an unpublished article has no public page to link to.
            articleHref={(article) => `/redaktion/texter/${article.id}/forhandsgranska`}
          />
        </div>
      </div>
    </div>
  );
}
