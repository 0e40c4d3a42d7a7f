import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

/**
 * The plain-text part: html-to-text over the same HTML, so the two parts cannot say different things.
 * Headings keep their case (Swedish titles are not shouted), links are written out after their text
 * unless the text is the address, and the hidden preview line and images are left out (react-email's
 * own selectors).
 */
const TEXT_OPTIONS = {
  selectors: [
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: "a", options: { linkBrackets: ["<", ">"] as [string, string], hideLinkHrefIfSameAsText: true } },
    { selector: '[data-text-format="dataTable"]', format: "dataTable", options: { uppercaseHeaderCells: false } },
  ],
};

/** One edition element → its HTML and text parts. */
export async function renderParts(element: ReactElement): Promise<{ html: string; text: string }> {
  // "<!-- -->" is React's marker between adjacent text nodes, meaningless outside hydration.
  const html = (await render(element)).replaceAll("<!-- -->", "");
  return {
    html,
    text:
      toPlainText(html, TEXT_OPTIONS)
        .replace(/\n{3,}/g, "\n\n")
        .trim() + "\n",
  };
}

/** A title in a one-line subject: no line breaks, no runs of spaces. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/** The hidden preview line: the first lead, cut at a word to the 150 characters clients show. */
export function preheaderFrom(lead: string, max = 150): string {
  const text = oneLine(lead);
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}
