import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const MIN_NEW_PASSWORD_LENGTH = 12;
/** argon2 hashes anything, but a form field of megabytes is not a password. */
export const MAX_NEW_PASSWORD_LENGTH = 1024;
/** zxcvbn's scale is 0–4; 3 is "safely unguessable" (about 10^8 guesses and more). */
const MIN_SCORE = 3;

export const PASSWORD_TOO_SHORT = `Lösenordet måste ha minst ${MIN_NEW_PASSWORD_LENGTH} tecken.`;
export const PASSWORD_TOO_LONG = `Lösenordet får ha högst ${MAX_NEW_PASSWORD_LENGTH} tecken.`;
export const PASSWORD_TOO_COMMON = "Lösenordet är för vanligt eller lätt att gissa. Välj ett annat.";
export const PASSWORD_NAMES_YOU = "Lösenordet liknar ditt namn eller din e-postadress. Välj ett annat.";

// The dictionaries are large: built once per process, at the first check, not per call.
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () => (checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/**
 * The rule for a new password (invitation and reset): at least 12 characters, not in the list of
 * common passwords zxcvbn-ts ships, and not easy to guess by its estimate. `personal` (the person's
 * name and e-mail) counts as guessable too. Returns the Swedish reason, or null when it is fine.
 */
export function passwordProblem(password: string, personal: readonly string[] = []): string | null {
  if ([...password].length < MIN_NEW_PASSWORD_LENGTH) return PASSWORD_TOO_SHORT;
  if (password.length > MAX_NEW_PASSWORD_LENGTH) return PASSWORD_TOO_LONG;
  const inputs = personal
    .flatMap((value) => {
      const lower = value.toLowerCase();
      return [lower, lower.split("@")[0] ?? "", lower.replace(/[^\p{L}\p{N}]+/gu, ""), ...lower.split(/[^\p{L}\p{N}]+/u)];
    })
    .filter((part) => part.length >= 3);
  const result = zxcvbn().check(password, inputs);
  const [only] = result.sequence;
  const wholeMatch = result.sequence.length === 1 && only?.pattern === "dictionary" ? only.dictionaryName : null;
  if (wholeMatch === "userInputs") return PASSWORD_NAMES_YOU;
  if (wholeMatch === "passwords-common" || result.score < MIN_SCORE) {
    return result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs") ? PASSWORD_NAMES_YOU : PASSWORD_TOO_COMMON;
  }
  return null;
}
