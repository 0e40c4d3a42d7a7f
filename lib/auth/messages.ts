/** One message for every wrong log-in, so that it does not reveal which accounts exist. */
export const INVALID_LOGIN_MESSAGE = "Fel e-postadress eller lösenord. Kontrollera uppgifterna och försök igen.";
export const RATE_LIMITED_MESSAGE =
  "För många misslyckade inloggningsförsök. Vänta en kvart och försök sedan igen.";
export const LOGIN_FAILED_MESSAGE = "Inloggningen misslyckades av tekniska skäl. Försök igen om en stund.";
