import { describe, expect, it } from "vitest";
import { lix, lixLabel, lixStats } from "./lix";

describe("lixStats", () => {
  it.each([
    // Det var en gång en katt | Den hette Måns: 9 words, 2 sentences, no word over 6 letters.
    ["Det var en gång en katt. Den hette Måns.", { words: 9, sentences: 2, longWords: 0 }],
    // Kommunfullmäktige (17), sammanträder (12), torsdag (7), Ärendelistan (12), publicerad (10)
    // are long; "på" and "är" are not: 7 words, 5 long, 2 sentences.
    ["Kommunfullmäktige sammanträder på torsdag. Ärendelistan är publicerad.", { words: 7, sentences: 2, longWords: 5 }],
    // Älskar (6) and övning (6) are exactly six letters, so not long; åskväder (8) is.
    ["Älskar, övning, åskväder.", { words: 3, sentences: 1, longWords: 1 }],
    // 18.30 and 4 are not words; kl. and t.ex. are words but end no sentence:
    // Mötet börjar kl. den maj t.ex. i aulan = 8 words, 1 sentence.
    ["Mötet börjar kl. 18.30 den 4 maj, t.ex. i aulan.", { words: 8, sentences: 1, longWords: 0 }],
    // "du:" ends the first sentence (4 words), the paragraph end the second (fyll i blanketten,
    // blanketten = 10 letters), "oss!" the third (Skicka = 6 letters, not long): 11 words.
    ["Så här gör du: fyll i blanketten\nSkicka den till oss!", { words: 11, sentences: 3, longWords: 1 }],
    // E-post (5 letters), covid-19 (5), EU-medlemskapet (14, long): hyphenated words are one word.
    ["E-post och covid-19 samt EU-medlemskapet.", { words: 5, sentences: 1, longWords: 1 }],
    // "–" is no word; a closing quote may follow the full stop: Nej | sa hon | Aldrig.
    ["– Nej!” sa hon. ”Aldrig.”", { words: 4, sentences: 3, longWords: 0 }],
    // osv. ends its sentence; Välkomna (8) is long, äpplen and säljer (6) are not.
    ["Vi säljer äpplen, päron osv. Välkomna!", { words: 6, sentences: 2, longWords: 1 }],
    // Empty paragraphs and extra spaces change nothing.
    ["\n\n  Hej   då.  \n\n", { words: 2, sentences: 1, longWords: 0 }],
    ["2024. 2025!", { words: 0, sentences: 0, longWords: 0 }],
    ["", { words: 0, sentences: 0, longWords: 0 }],
  ])("%j", (text, counts) => {
    expect(lixStats(text)).toMatchObject(counts);
  });
});

describe("lix", () => {
  it("is words per sentence plus the percentage of long words", () => {
    expect(lix("Det var en gång en katt. Den hette Måns.")).toBeCloseTo(4.5); // 9/2 + 0
    expect(lix("Kommunfullmäktige sammanträder på torsdag. Ärendelistan är publicerad.")).toBeCloseTo(3.5 + 500 / 7); // 74.93
    expect(lix("Älskar, övning, åskväder.")).toBeCloseTo(3 + 100 / 3); // 36.33
    expect(lix("Så här gör du: fyll i blanketten\nSkicka den till oss!")).toBeCloseTo(11 / 3 + 100 / 11); // 12.76
    expect(lix("E-post och covid-19 samt EU-medlemskapet.")).toBeCloseTo(25); // 5/1 + 100 · 1/5
  });

  it("is 0 for a text without words", () => {
    expect(lix("")).toBe(0);
    expect(lix("12 345.")).toBe(0);
  });
});

describe("lixLabel", () => {
  it.each([
    [0, "Mycket lättläst"],
    [24.4, "Mycket lättläst"],
    [24.5, "Lättläst"],
    [34, "Lättläst"],
    [35, "Medelsvår"],
    [44.4, "Medelsvår"],
    [45, "Svår"],
    [54, "Svår"],
    [55, "Mycket svår"],
    [80, "Mycket svår"],
  ])("%d is %s", (score, label) => {
    expect(lixLabel(score)).toBe(label);
  });
});
