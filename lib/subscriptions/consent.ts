/**
 * The version of the consent text on /prenumerera (components/subscriptions/consent-text.tsx),
 * stored with every confirmation and consent record. Change it whenever that text changes in
 * substance, so a record always says which wording the person agreed to.
 */
export const CONSENT_VERSION = "2026-11-29";

/** How long a confirmation link works. */
export const CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A pending request gets no new mail sooner than this after the last one. */
export const RESEND_AFTER_MS = 10 * 60 * 1000;

export type ConsentMethod = "form" | "import";

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  form: "Formulär",
  import: "Import",
};
