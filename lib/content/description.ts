/**
 * A text's description ("Beskrivning"): the words search results and link previews show. Optional;
 * without one, the lead stands in, so most texts never need one.
 */

/**
 * The most a description may hold. Search engines show about 160 characters and link previews
 * about 200–300; more than this would be cut wherever it is shown.
 */
export const DESCRIPTION_MAX_LENGTH = 300;

/** A written description, or null when there is none: blank counts as none. */
export function normalizeDescription(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** What search results, link previews and feed summaries show: the description, else the lead. */
export function summaryOf(text: { description: string | null; lead: string }): string {
  return normalizeDescription(text.description) ?? text.lead;
}
