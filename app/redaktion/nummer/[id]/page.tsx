import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Colophon } from "@/components/newsletter/colophon";
import { Kalendarium } from "@/components/newsletter/kalendarium";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { calendarForIssue } from "@/lib/issues/calendar";
import { loadColophon, loadIssue } from "@/lib/issues/load-issue";
import { requirePermission } from "@/lib/auth/refuse";
import { can } from "@/lib/permissions";
import { STATUS_LABELS } from "@/lib/workflow/labels";
import { WorkflowPanel } from "@/components/workflow/workflow-panel";
import { workflowAction } from "@/app/redaktion/arbetsflode/actions";
import { SendingSection } from "@/components/sending/sending-section";
import { formatDateTime } from "@/lib/format";
import { listOtherIssues, listTextsWithoutIssue } from "@/db/queries/editorial";
import { placeableIssueStatuses } from "@/lib/editorial/placement";
import { AddArticleForm } from "./add-article-form";
import { AddExistingText } from "./add-existing-text";
import { ArticleList } from "./article-list";
import { IssueForm } from "./issue-form";
import { DeskTable, issueAsks, issueDesk } from "./issue-desk";
import { issueComments, issueWorkflowPanel } from "./workflow";

type Props = { params: Promise<{ id: string }> };

async function load(params: Props["params"]) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/nummer/${id}`);
  requirePermission(user, "issue.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const issue = await loadIssue(db, id);
  if (!issue) notFound();
  return { db, issue };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue } = await load(params);
  return { title: `Nummer ${issue.number} ${issue.year}` };
}

export default async function IssuePage({ params }: Props) {
  const { db, issue } = await load(params);
  const user = await requireUser(`/redaktion/nummer/${issue.id}`);
  const [workflow, comments, desk] = await Promise.all([issueWorkflowPanel(db, user, issue.id), issueComments(db, issue.id), issueDesk(db, issue.id)]);
  // A published issue shows the Kalendarium it was sent with; otherwise the events in its window now.
  const [calendar, colophon, otherIssues, textsWithoutIssue] = await Promise.all([
    issue.frozenCalendar && issue.status === "published" ? issue.frozenCalendar : calendarForIssue(db, issue),
    loadColophon(db, issue.publicationId),
    listOtherIssues(db, placeableIssueStatuses(user), issue),
    listTextsWithoutIssue(db),
  ]);
  const locked = issue.status === "published";
  return (
    <div className="space-y-10">
      <header>
        <Link href="/redaktion/nummer" className="text-brand underline-offset-4 hover:underline">
          ← Alla nummer
        </Link>
        <p className="mt-3 font-semibold uppercase tracking-wide text-brand">{issue.publicationName}</p>
        <h1 className="text-3xl font-bold">
          Nummer {issue.number} {issue.year}
        </h1>
        {issue.title ? <p className="mt-1 text-xl">{issue.title}</p> : null}
        <p className="mt-2">
          Status: <strong>{STATUS_LABELS[issue.status]}</strong>
          {issue.publishedAt ? ` · publicerat ${formatDate(issue.publishedAt)}` : ""}
        </p>
        <p className="mt-2">
          <Link href={`/redaktion/nummer/${issue.id}/forhandsgranska`} className="text-brand underline underline-offset-4">
            Förhandsgranska numret
          </Link>
          <span className="text-muted"> – hela numret som läsarna ser det.</span>
        </p>
        <p className="mt-1">
          <Link href={`/redaktion/nummer/${issue.id}/e-post`} className="text-brand underline underline-offset-4">
            Förhandsgranska e-post
          </Link>
          <span className="text-muted"> – och skicka ett provutskick till dig själv.</span>
        </p>
      </header>

      {workflow ? (
        <WorkflowPanel
          key={`${workflow.status}-${workflow.contentHash}`}
          {...workflow}
          act={workflowAction}
          asks={issueAsks(desk)}
          previewHref={`/redaktion/nummer/${issue.id}/forhandsgranska`}
        />
      ) : null}
      <SendingSection db={db} user={user} issueId={issue.id} published={issue.status === "published"} />
      {comments.length > 0 ? (
        <section aria-labelledby="nummer-kommentarer" className="space-y-2">
          <h2 id="nummer-kommentarer" className="text-xl font-bold">
            Kommentarer till numret
          </h2>
          <ul className="space-y-2">
            {comments.map((comment) => (
              <li key={comment.id} className="rounded border-l-4 border-accent bg-white p-3">
                <p className="text-sm">
                  {comment.author ?? "okänd"}, {formatDateTime(comment.createdAt)}
                </p>
                <p className="whitespace-pre-wrap">{comment.body}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {locked ? <p className="rounded border-l-4 border-brand bg-white p-3">Numret är publicerat. Det kan inte ändras; avpublicera det först om något måste rättas.</p> : null}

      <section aria-labelledby="innehall-rubrik" className="space-y-4">
        <h2 id="innehall-rubrik" className="text-2xl font-bold">
          Innehåll
        </h2>
        <p className="text-muted">Krönikan står alltid först. Artiklarna följer i den ordning de står här.</p>
        {!locked && desk.articles.length > 0 ? (
          <details className="rounded border border-gray-300 bg-white p-3">
            <summary className="cursor-pointer font-semibold">Artiklarnas läge: status, öppna kommentarer och varningar</summary>
            <div className="mt-2">
              <DeskTable articles={desk.articles} />
            </div>
          </details>
        ) : null}
        <ArticleList issueId={issue.id} issueStatus={issue.status} version={issue.version} articles={issue.articles} locked={locked} otherIssues={otherIssues} />
        {locked ? null : (
          <>
            <AddExistingText issueId={issue.id} issueStatus={issue.status} version={issue.version} texts={textsWithoutIssue} />
            <AddArticleForm issueId={issue.id} publicationId={issue.publicationId} locked={locked} />
          </>
        )}
      </section>

      <section className="rounded border border-gray-300 bg-white p-4">
        <IssueForm
          locked={locked}
          values={{
            id: issue.id,
            version: issue.version,
            year: issue.year,
            number: issue.number,
            title: issue.title,
            calendarFrom: issue.calendarFrom,
            calendarTo: issue.calendarTo,
            calendarNote: issue.calendarNote,
          }}
        />
      </section>

      <section aria-labelledby="forhandsvisning" className="space-y-4">
        <h2 id="forhandsvisning" className="text-2xl font-bold">
          Förhandsvisning av kalendarium och kolofon
        </h2>
        <p className="text-muted">
          {issue.calendarFrom && issue.calendarTo
            ? `Evenemang som börjar ${formatDate(issue.calendarFrom)}–${formatDate(issue.calendarTo)}.`
            : "Numret har inget kalendarium: ange första och sista dag ovan."}
          {can(user, "calendar.manage") && issue.status !== "published" ? (
            <>
              {" "}
              <Link className="text-brand underline" href="/redaktion/kalender">
                Lägg till eller ändra evenemang i kalendern
              </Link>
              .
            </>
          ) : null}
        </p>
        {calendar.length === 0 && issue.calendarFrom ? <p>Inga evenemang i kalendariets period.</p> : null}
        <Kalendarium events={calendar} note={issue.calendarNote} />
        <Colophon {...colophon} />
      </section>
    </div>
  );
}
