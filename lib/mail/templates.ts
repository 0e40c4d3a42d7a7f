import { capitalize, formatDateTime } from "@/lib/format";

/** A rendered e-mail: a plain-text body (always) and a simple HTML alternative. */
export type MailContent = { subject: string; text: string; html: string };

/** Whether the message is about a text (article, post) or a newsletter issue; only the wording differs. */
export type Subject = "text" | "issue";

/** Swedish agrees in gender: "texten är godkänd", "numret är godkänt". */
const NOUN: Record<Subject, { definite: string; pronoun: string; approved: string; published: string }> = {
  text: { definite: "texten", pronoun: "den", approved: "godkänd", published: "publicerad" },
  issue: { definite: "numret", pronoun: "det", approved: "godkänt", published: "publicerat" },
};

/** The title of a newsletter issue in messages: "Nummer 3 2026". */
export function issueTitle(issue: { number: number; year: number }): string {
  return `Nummer ${issue.number} ${issue.year}`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** A title goes into a one-line subject: no line breaks, no runs of spaces. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** Only http(s) links become anchors; anything else (javascript:, data:) is shown as inert text. */
function htmlLink(url: string, label = url): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

const FOOTER_TEXT = "Det här meddelandet skickades automatiskt från Kommunbladet.";

type Block = { text: string; html: string };

const para = (text: string, html = escapeHtml(text)): Block => ({ text, html: `<p>${html}</p>` });
const linkBlock = (intro: string, url: string): Block => ({
  text: `${intro}\n${url}`,
  html: `<p>${escapeHtml(intro)}<br>${htmlLink(url)}</p>`,
});

function render(subject: string, blocks: Block[]): MailContent {
  const all = [para("Hej!"), ...blocks];
  const text = `${all.map((b) => b.text).join("\n\n")}\n\n-- \n${FOOTER_TEXT}\n`;
  const html = [
    "<!doctype html>",
    `<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    ...all.map((b) => b.html),
    `<p style="color: #555; font-size: 14px;">${escapeHtml(FOOTER_TEXT)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}

/** “Title” with Swedish quotation marks, in text and in HTML. */
const quoted = (title: string) => `”${oneLine(title)}”`;

export function submittedForReview(input: {
  title: string;
  submitterName: string;
  reviewUrl: string;
  /** A one-time link that approves exactly the mailed version. */
  approveLinkUrl?: string;
  expiresAt?: Date;
  about?: Subject;
}): MailContent {
  const noun = NOUN[input.about ?? "text"];
  const blocks: Block[] = [
    para(`${input.submitterName} har skickat ${noun.definite} ${quoted(input.title)} till granskning.`),
    linkBlock(`Läs och granska ${noun.pronoun} här:`, input.reviewUrl),
  ];
  if (input.approveLinkUrl) {
    const validity = input.expiresAt ? ` Länken gäller till ${formatDateTime(input.expiresAt)} och` : " Länken";
    blocks.push(linkBlock(`Om du redan har läst ${noun.definite} kan du godkänna exakt den här versionen direkt.${validity} kan bara användas en gång:`, input.approveLinkUrl));
  }
  return render(`Att granska: ${oneLine(input.title)}`, blocks);
}

export function changesRequested(input: { title: string; reviewerName: string; comment: string; editUrl: string; about?: Subject }): MailContent {
  const noun = NOUN[input.about ?? "text"];
  const comment = input.comment.trim();
  const blocks: Block[] = [para(`${input.reviewerName} vill att ${noun.definite} ${quoted(input.title)} ändras innan ${noun.pronoun} godkänns.`)];
  if (comment) {
    blocks.push({
      text: `Kommentar:\n${comment
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n")}`,
      html: `<p>Kommentar:</p>\n<blockquote style="margin: 0 0 1em; padding-left: 1em; border-left: 4px solid #ccc; white-space: pre-wrap;">${escapeHtml(comment)}</blockquote>`,
    });
  }
  blocks.push(linkBlock(`Redigera ${noun.pronoun} här:`, input.editUrl));
  return render(`Ändringar önskas: ${oneLine(input.title)}`, blocks);
}

export function approved(input: { title: string; approverName: string; version: number; editUrl: string; about?: Subject }): MailContent {
  const noun = NOUN[input.about ?? "text"];
  return render(`${capitalize(noun.approved)}: ${oneLine(input.title)}`, [
    para(`${input.approverName} har godkänt version ${input.version} av ${noun.definite} ${quoted(input.title)}.`),
    linkBlock(`Se ${noun.pronoun} här:`, input.editUrl),
  ]);
}

export function published(input: { title: string; publicUrl: string; about?: Subject }): MailContent {
  const noun = NOUN[input.about ?? "text"];
  return render(`${capitalize(noun.published)}: ${oneLine(input.title)}`, [
    para(`${capitalize(noun.definite)} ${quoted(input.title)} är nu ${noun.published}.`),
    linkBlock(`Läs ${noun.pronoun} på webbplatsen:`, input.publicUrl),
  ]);
}
