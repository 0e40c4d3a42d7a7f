import { z } from "zod";

/**
 * Swedish names of the fields our schemas check, keyed by the property name in the input, or by
 * "parent.property" where the same name means something else inside a list. A message
 * zod writes itself (when a schema gives none) names the field with these, since the person reading it
 * may see it above the form rather than beside the field.
 */
export const FIELD_LABELS: Record<string, string> = {
  title: "Rubrik",
  lead: "Ingress",
  description: "Beskrivning",
  slug: "Adress",
  tags: "Taggar",
  coverMediaId: "Omslagsbild",
  body: "Brödtext",
  alt: "Alternativtext",
  caption: "Bildtext",
  credit: "Fotograf",
  file: "Fil",
  comment: "Kommentar",
  correction: "Rättelse",
  reason: "Motivering",
  scheduledAt: "Publiceringstid",
  scheduledLocal: "Publiceringstid",
  publicationId: "Publicering",
  publicationIds: "Nyhetsbrev och bloggar",
  issueId: "Nummer",
  year: "År",
  number: "Nummer",
  calendarFrom: "Kalendariets första dag",
  calendarTo: "Kalendariets sista dag",
  calendarNote: "Kalendariets notering",
  authors: "Författare",
  "authors.userId": "Författare",
  "authors.name": "Författarens namn",
  "authors.title": "Författarens titel",
  name: "Namn",
  jobTitle: "Titel",
  email: "E-postadress",
  password: "Lösenord",
  q: "Sökning",
  sida: "Sida",
  anchor: "Markerad text",
  text: "Text",
  resolved: "Löst",
};

/**
 * Fields the page fills in, not the person (ids, versions, the hash of what was on screen). Something
 * wrong there means a stale or tampered page, and the useful advice is to reload it.
 */
export const HIDDEN_FIELD_LABELS: Record<string, string> = {
  id: "id",
  itemId: "textens id",
  parentId: "kommentaren som besvaras",
  revisionId: "version",
  baseVersion: "versionsnummer",
  contentHash: "numrets innehåll",
  action: "åtgärd",
  target: "mål",
  key: "varning",
  token: "länk",
};

const numberFormat = new Intl.NumberFormat("sv-SE");
const n = (value: number | bigint) => numberFormat.format(value);

/** The names in an issue's path, innermost last (array indexes name no field). */
function namesOf(path: readonly PropertyKey[] | undefined): string[] {
  return (path ?? []).filter((key): key is string => typeof key === "string");
}

// A record's keys come from the input: "constructor" must not find Object's.
const lookUp = (table: Record<string, string>, key: string | undefined) => (key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined);

const isEmpty = (input: unknown) => input === undefined || input === null || input === "";

/**
 * The message for an issue whose schema wrote none: Swedish, naming the field, and never echoing a
 * pattern, a type name or the keys someone posted. Installed as zod's customError; the Swedish locale
 * stays underneath it for anything this does not cover.
 */
export function swedishIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const names = namesOf(issue.path);
  const field = names.at(-1);
  const hidden = lookUp(HIDDEN_FIELD_LABELS, field);
  if (hidden !== undefined) return `Sidan skickade en ogiltig uppgift (${hidden}). Ladda om sidan och försök igen.`;
  const label = lookUp(FIELD_LABELS, names.slice(-2).join(".")) ?? lookUp(FIELD_LABELS, field);
  const subject = label ? `Fältet "${label}"` : field !== undefined ? "Ett av fälten" : "Uppgiften";

  switch (issue.code) {
    case "invalid_type":
      if (isEmpty(issue.input)) return `${subject} måste fyllas i.`;
      if (issue.expected === "number" || issue.expected === "int" || issue.expected === "bigint") return `${subject} måste vara ett tal.`;
      return `${subject} har fel sorts värde.`;
    case "too_small": {
      const min = issue.minimum as number | bigint;
      if (issue.origin === "string") return Number(min) <= 1 ? `${subject} måste fyllas i.` : `${subject} måste ha minst ${n(min)} tecken.`;
      if (issue.origin === "array" || issue.origin === "set") return `${subject} måste ha minst ${n(min)} val.`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
        return issue.inclusive === false ? `${subject} måste vara större än ${n(min)}.` : `${subject} måste vara minst ${n(min)}.`;
      }
      return `${subject} är för litet.`;
    }
    case "too_big": {
      const max = issue.maximum as number | bigint;
      if (issue.origin === "string") return `${subject} får ha högst ${n(max)} tecken.`;
      if (issue.origin === "array" || issue.origin === "set") return `${subject} får ha högst ${n(max)} val.`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
        return issue.inclusive === false ? `${subject} måste vara mindre än ${n(max)}.` : `${subject} får vara högst ${n(max)}.`;
      }
      return `${subject} är för stort.`;
    }
    case "invalid_format":
      switch (issue.format) {
        case "email":
          return `${subject} måste vara en e-postadress.`;
        case "url":
          return `${subject} måste vara en webbadress.`;
        case "datetime":
          return `${subject} måste vara ett datum med klockslag.`;
        case "date":
          return `${subject} måste vara ett datum (ÅÅÅÅ-MM-DD).`;
        case "time":
          return `${subject} måste vara ett klockslag.`;
        case "uuid":
        case "uuidv4":
        case "uuidv6":
        case "uuidv7":
        case "guid":
          return `${subject} pekar inte på något som finns.`;
        default:
          // A regex, a prefix, a suffix: the rule itself means nothing to the reader.
          return `${subject} har fel format.`;
      }
    case "invalid_value":
      return `${subject} har ett värde som inte går att välja.`;
    case "not_multiple_of":
      return `${subject} har ett ogiltigt tal.`;
    case "unrecognized_keys":
      return "Formuläret innehöll uppgifter som inte hör dit.";
    default:
      return `${subject} är ogiltigt.`;
  }
}

// Once per process, when the first module that validates input loads this (lib/errors imports it). The
// locale is the floor; swedishIssueMessage is tried first. A schema's own message beats both.
z.config(z.locales.sv());
z.config({ customError: swedishIssueMessage });
