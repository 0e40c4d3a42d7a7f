/**
 * LIX (läsbarhetsindex, Björnsson 1968): words per sentence plus the percentage of long words.
 * The formula leaves the counting open; these are our choices, made for Swedish:
 *
 * - A word is a run of non-space characters with at least one letter (any Unicode letter, so å, ä
 *   and ö count). Numbers alone ("2024", "10.30", "4") are not words: a date or a time does not
 *   make a sentence harder to read the way a word does.
 * - A word is long when it has more than six letters. Digits, hyphens and punctuation are not
 *   letters: "e-post" has five, "covid-19" five. A hyphenated compound is one word ("EU-medlem").
 * - A sentence ends at a word that ends in . ! ? : or … (closing quotes and brackets may follow),
 *   and at every paragraph end ("\n"), since headings and list items rarely end with a full stop.
 * - Abbreviations that rarely end a sentence (t.ex., bl.a., kl., …) do not end one. "osv.",
 *   "etc." and "m.m." usually close their sentence, and do.
 * - A sentence needs a word: a stray "!" or a lone "2024." is not a sentence.
 */

export type LixStats = { words: number; sentences: number; longWords: number; score: number };

const LETTER = /\p{L}/gu;
const SENTENCE_END = /[.!?:…]+["'”’»)\]]*$/u;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}]+/u;
const ABBREVIATIONS = new Set([
  "t.ex.",
  "bl.a.",
  "s.k.",
  "d.v.s.",
  "dvs.",
  "p.g.a.",
  "pga.",
  "kl.",
  "ca.",
  "nr.",
  "fr.o.m.",
  "t.o.m.",
  "jfr.",
  "resp.",
  "inkl.",
  "exkl.",
  "ang.",
  "tel.",
  "f.d.",
  "obs.",
  "enl.",
]);

function isAbbreviation(token: string): boolean {
  return ABBREVIATIONS.has(token.replace(LEADING_PUNCTUATION, "").toLocaleLowerCase("sv-SE"));
}

/** The counts behind the score; `words` is also the word count shown to the writer. */
export function lixStats(text: string): LixStats {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  for (const paragraph of text.split("\n")) {
    let sentenceHasWord = false;
    for (const token of paragraph.split(/\s+/)) {
      const letters = token.match(LETTER)?.length ?? 0;
      if (letters > 0) {
        words++;
        if (letters > 6) longWords++;
        sentenceHasWord = true;
      }
      if (sentenceHasWord && SENTENCE_END.test(token) && !isAbbreviation(token)) {
        sentences++;
        sentenceHasWord = false;
      }
    }
    if (sentenceHasWord) sentences++;
  }
  const score = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { words, sentences, longWords, score };
}

/** The LIX score of a text whose paragraphs are separated by "\n"; 0 for a text without words. */
export function lix(text: string): number {
  return lixStats(text).score;
}

export type LixLabel = "Mycket lättläst" | "Lättläst" | "Medelsvår" | "Svår" | "Mycket svår";

/** The usual Swedish scale. Rounded first, so the label matches the whole number shown beside it. */
export function lixLabel(score: number): LixLabel {
  const rounded = Math.round(score);
  if (rounded < 25) return "Mycket lättläst";
  if (rounded < 35) return "Lättläst";
  if (rounded < 45) return "Medelsvår";
  if (rounded < 55) return "Svår";
  return "Mycket svår";
}
