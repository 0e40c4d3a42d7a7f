import { EMAIL_ERROR_MESSAGES, type EmailErrorCode } from "./email";

export type SubscribeErrorCode = EmailErrorCode | "publication" | "rate_limited" | "internal";

/**
 * Every way a subscription request can fail, in Swedish. The public form travels through a redirect,
 * so the page receives the code and looks the message up here.
 */
export const SUBSCRIBE_ERROR_MESSAGES: Record<SubscribeErrorCode, string> = {
  ...EMAIL_ERROR_MESSAGES,
  publication: "Välj minst ett nyhetsbrev eller en blogg att prenumerera på.",
  rate_limited: "För många försök. Försök igen om en stund.",
  internal: "Något gick fel. Försök igen om en stund.",
};

export function isSubscribeErrorCode(value: string | undefined): value is SubscribeErrorCode {
  return value !== undefined && Object.hasOwn(SUBSCRIBE_ERROR_MESSAGES, value);
}

/**
 * The one answer to every accepted request, whether the address is new, pending or already
 * subscribed: nothing on the screen tells a stranger whether someone subscribes.
 */
export const SUBSCRIBE_THANKS = "Tack! Om adressen kan ta emot e-post får du snart ett mejl med en länk för att bekräfta.";
