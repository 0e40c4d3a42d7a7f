/** One message for every wrong log-in, so that it does not reveal which accounts exist. */
export const INVALID_LOGIN_MESSAGE = "Fel e-postadress eller lösenord. Kontrollera uppgifterna och försök igen.";
export const LOGIN_FAILED_MESSAGE = "Inloggningen misslyckades av tekniska skäl. Försök igen om en stund.";

/**
 * For an attempt made too soon after too many others. The same whether or not the password was
 * right (it was not checked), and whether or not the account exists.
 */
export function rateLimitedMessage(retryAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait = seconds < 60 ? (seconds === 1 ? "en sekund" : `${seconds} sekunder`) : Math.ceil(seconds / 60) === 1 ? "en minut" : `${Math.ceil(seconds / 60)} minuter`;
  return `För många misslyckade inloggningsförsök. Vänta ${wait} och försök sedan igen.`;
}
