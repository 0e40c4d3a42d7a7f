import { domainToASCII, domainToUnicode } from "node:url";
import { sha256 } from "./tokens";

/** RFC 5321's limit on a forward path; anything longer cannot be delivered anyway. */
export const MAX_EMAIL_LENGTH = 254;
/**
 * What a form or a CSV cell may carry at all, checked before anything else looks at it: a 10 kB
 * "address" is refused without normalising or hashing it.
 */
export const MAX_EMAIL_INPUT = 1000;

export type EmailErrorCode = "empty" | "too_long" | "control" | "syntax" | "local_not_ascii" | "mixed_script" | "domain";

export const EMAIL_ERROR_MESSAGES: Record<EmailErrorCode, string> = {
  empty: "Skriv din e-postadress.",
  too_long: "Adressen är för lång. En e-postadress får vara högst 254 tecken.",
  control: "Adressen innehåller otillåtna tecken, till exempel en radbrytning. Skriv den på en rad.",
  syntax: "Det där ser inte ut som en e-postadress. Skriv den som namn@exempel.se.",
  local_not_ascii: "Delen före @ får bara innehålla a–z, siffror och tecknen . _ - +. Bokstäver som å, ä och ö fungerar inte där.",
  mixed_script: "Domänen efter @ blandar bokstäver från olika alfabet (till exempel latinska och kyrilliska) och liknar då en annan adress. Kontrollera stavningen.",
  domain: "Domänen efter @ är inte giltig. Kontrollera stavningen, till exempel exempel.se.",
};

export type EmailCheck = { ok: true; email: string } | { ok: false; code: EmailErrorCode; message: string };

const fail = (code: EmailErrorCode): EmailCheck => ({ ok: false, code, message: EMAIL_ERROR_MESSAGES[code] });

// RFC 5322 dot-atom: what every mail system accepts unquoted. Quoted local parts are legal but so rare
// in real use that refusing them costs nobody anything and keeps the check simple.
const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
// Cc: C0/C1 controls, DEL (CR and LF among them: header injection). Cf: invisible format characters
// (zero-width space, bidi overrides) that make two addresses look alike.
const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const WHITESPACE_INSIDE = /\s/u;

/**
 * The one spelling of an address we store, compare and hash: trimmed, NFC, lower-cased throughout,
 * the domain as ASCII (punycode for IDN). Local parts are case-sensitive by the letter of RFC 5321,
 * but no mailbox provider treats them so, and "Anna@x.se" and "anna@x.se" as two subscribers would
 * send one person two copies and let an import slip past the other's suppression.
 *
 * Look-alikes: a domain label that mixes scripts ("exаmple" with a Cyrillic а) is refused, and so is
 * a label written wholly in Cyrillic or Greek letters that all have Latin twins ("аре"): punycode
 * would turn either into a valid, different domain that reads as a familiar one. Single-script IDN
 * labels ("åäö", "пример") are accepted.
 */
export function checkEmail(raw: string): EmailCheck {
  if (raw.length > MAX_EMAIL_INPUT) return fail("too_long");
  if (CONTROL_OR_INVISIBLE.test(raw)) return fail("control");
  const value = raw.trim().normalize("NFC");
  if (value === "") return fail("empty");
  if (value.length > MAX_EMAIL_LENGTH) return fail("too_long");
  if (WHITESPACE_INSIDE.test(value)) return fail("syntax");
  const at = value.lastIndexOf("@");
  if (at <= 0 || at === value.length - 1 || value.indexOf("@") !== at) return fail("syntax");
  const local = value.slice(0, at).toLowerCase();
  const domain = value
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/, "");
  if (!/^[\x21-\x7e]+$/.test(local)) return fail("local_not_ascii");
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail("syntax");
  const ascii = domainOf(domain);
  if (typeof ascii !== "string") return fail(ascii.code);
  const email = `${local}@${ascii}`;
  if (email.length > MAX_EMAIL_LENGTH) return fail("too_long");
  return { ok: true, email };
}

/** The normalised address, or null when it is not one we accept. */
export function normalizeEmail(raw: string): string | null {
  const result = checkEmail(raw);
  return result.ok ? result.email : null;
}

/**
 * SHA-256 of the normalised address: what a suppression and a rate-limit key keep instead of the
 * address. An address that does not validate is hashed as trimmed and lower-cased, so a key still
 * exists for it.
 */
export function emailHash(raw: string): string {
  return sha256(normalizeEmail(raw) ?? raw.trim().toLowerCase());
}

function domainOf(domain: string): string | { code: EmailErrorCode } {
  if (domain.startsWith("[") || domain.length > 253) return { code: "domain" };
  const labels = domain.split(".");
  if (labels.length < 2 || labels.some((label) => label === "")) return { code: "domain" };
  // Browsers send an IDN domain from an e-mail field already as punycode ("xn--exmple-4nf.se"):
  // the look-alike rules read the letters a person would see.
  const unicode = domainToUnicode(domain.toLowerCase());
  if (!unicode) return { code: "domain" };
  if (unicode.split(".").some(isLookAlike)) return { code: "mixed_script" };
  const ascii = domainToASCII(domain);
  if (!ascii) return { code: "domain" };
  const asciiLabels = ascii.split(".");
  if (asciiLabels.length < 2 || !asciiLabels.every((label) => ASCII_LABEL.test(label))) return { code: "domain" };
  // A top-level domain is letters (or an IDN TLD's xn-- form), never all digits: "1.2.3.4" is no domain.
  const tld = asciiLabels.at(-1)!;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return { code: "domain" };
  return ascii;
}

// Latin first. Han, kana and Hangul are one group: Japanese and Korean names mix them by design.
const SCRIPT_PATTERNS = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Armenian}/u,
  /\p{Script=Georgian}/u,
  /\p{Script=Thai}/u,
  /\p{Script=Devanagari}/u,
];
/** Cyrillic and Greek letters that are drawn like Latin ones (the usual homograph alphabet). */
const LATIN_TWINS = /^[аеорсухіјѕԁԛԝһӏвкмнтαεικνορτυχωο\d-]+$/u;

function isLookAlike(label: string): boolean {
  const scripts = new Set<number>();
  for (const char of label) {
    if (!/\p{L}/u.test(char)) continue;
    const index = SCRIPT_PATTERNS.findIndex((pattern) => pattern.test(char));
    scripts.add(index); // -1: a script not listed, still a script of its own
  }
  if (scripts.size > 1) return true;
  const only = [...scripts][0];
  return only !== undefined && only !== 0 && LATIN_TWINS.test(label);
}

/**
 * An address as its owner typed it: the domain in its own letters. A browser's e-mail field sends an
 * IDN domain as punycode, and an error page that showed "xn--re-xia.se" back would look like a
 * different address from "åre.se".
 */
export function displayEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  return `${address.slice(0, at + 1)}${domainToUnicode(address.slice(at + 1)) || address.slice(at + 1)}`;
}
