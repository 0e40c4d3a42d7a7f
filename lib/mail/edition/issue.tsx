import { formatDate } from "@/lib/format";
import { EmailArticle } from "./article";
import { EmailColophon } from "./colophon";
import { EmailKalendarium } from "./kalendarium";
import { EmailLayout } from "./layout";
import { oneLine, preheaderFrom, renderParts } from "./render";
import { COLORS, s } from "./styles";
import type { IssueEditionData, RenderOptions, RenderedEdition } from "./types";

export const TEST_PREFIX = "[Provutskick] ";

/** "Nyhetsbrev för Exempelby kommun, nummer 11 2026" and, with a theme, ": Vinter i byn". */
export function issueSubject(issue: Pick<IssueEditionData, "municipalityName" | "number" | "year" | "theme">): string {
  const base = `Nyhetsbrev för ${oneLine(issue.municipalityName)}, nummer ${issue.number} ${issue.year}`;
  const theme = oneLine(issue.theme);
  return theme ? `${base}: ${theme}` : base;
}

/**
 * The e-mail edition of a newsletter issue: a pure function of the loaded data, rendered once per
 * issue and sent to every subscriber through `personalize` (a string replacement per message).
 * edition.test.ts measures both.
 */
export async function renderIssueEmail(issue: IssueEditionData, options: RenderOptions = {}): Promise<RenderedEdition> {
  const subject = `${options.test ? TEST_PREFIX : ""}${issueSubject(issue)}`;
  const preheader = preheaderFrom(issue.texts.find((text) => text.lead.trim())?.lead ?? issue.theme);
  const { html, text } = await renderParts(
    <EmailLayout title={subject} preheader={preheader} test={!!options.test} webUrl={issue.url} subscribedTo={issue.publicationName}>
      <p style={s.kicker}>{issue.publicationName}</p>
      <h1 style={s.h1}>{`Nummer ${issue.number} ${issue.year}`}</h1>
      {issue.theme ? <p style={{ ...s.lead, fontWeight: "normal" }}>{issue.theme}</p> : null}
      {issue.publishedAt ? <p style={s.small}>{`Publicerat ${formatDate(issue.publishedAt)}`}</p> : null}
      {issue.texts.length > 1 ? (
        <>
          <h2 style={{ ...s.h4, color: COLORS.text }}>I det här numret</h2>
          <ul style={s.list}>
            {issue.texts.map((article) => (
              <li key={article.url}>
                <a href={article.url} style={s.link}>
                  {article.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {issue.texts.map((article) => (
        <EmailArticle key={article.url} text={article} origin={issue.origin} images={issue.images} level={2} />
      ))}
      <EmailKalendarium events={issue.calendar} note={issue.calendarNote} />
      <EmailColophon {...issue.colophon} />
    </EmailLayout>,
  );
  return { subject, preheader, html, text };
}
