import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { absoluteUrl } from "@/lib/feeds/urls";
import { loadIssue } from "@/lib/issues/load-issue";
import { personalize, renderIssueEdition } from "@/lib/mail/edition";
import { requirePermission } from "@/lib/auth/refuse";
import { TestSendForm } from "./test-send-form";

export const metadata: Metadata = { title: "Förhandsgranska e-post" };

type Props = { params: Promise<{ id: string }> };

/**
 * The e-mail exactly as it would go out if the issue were published now: the HTML part in a
 * sandboxed frame (no scripts, no access to this page) and the text part as plain text.
 */
export default async function EmailPreviewPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/nummer/${id}/e-post`);
  requirePermission(user, "issue.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const issue = await loadIssue(db, id);
  if (!issue) notFound();
  const mail = personalize(await renderIssueEdition(db, id, { revision: "current" }), absoluteUrl("/prenumerera"));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <Link href={`/redaktion/nummer/${id}`} className="text-brand underline-offset-4 hover:underline">
          ← Tillbaka till numret
        </Link>
        <h1 className="text-3xl font-bold">Förhandsgranska e-post</h1>
        <p>
          Så här ser e-posten för nummer {issue.number} {issue.year} ut för prenumeranterna om numret publiceras nu.
        </p>
        <p>
          <Link href={`/redaktion/nummer/${id}/forhandsgranska`} className="text-brand underline underline-offset-4">
            Förhandsgranska numret
          </Link>
          <span className="text-muted"> – som det ser ut på webbplatsen.</span>
        </p>
      </header>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Ämne</dt>
        <dd className="break-words">{mail.subject}</dd>
        <dt className="font-semibold">Förhandstext</dt>
        <dd className="break-words">{mail.preheader || "–"}</dd>
      </dl>
      <TestSendForm issueId={id} email={user.email} />
      <section aria-labelledby="html-del" className="space-y-2">
        <h2 id="html-del" className="text-2xl font-bold">
          HTML-delen
        </h2>
        <iframe title="E-postens HTML-del" srcDoc={mail.html} sandbox="" className="h-[80vh] w-full rounded border border-gray-300 bg-white" />
      </section>
      <section aria-labelledby="text-del" className="space-y-2">
        <h2 id="text-del" className="text-2xl font-bold">
          Textdelen
        </h2>
        <pre className="rounded border border-gray-300 bg-white p-4 font-mono text-sm whitespace-pre-wrap break-words">{mail.text}</pre>
      </section>
    </div>
  );
}
