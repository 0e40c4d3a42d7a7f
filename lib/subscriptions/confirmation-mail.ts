import { escapeHtml, type MailContent } from "@/lib/mail/templates";
import { formatDate } from "@/lib/format";
import type { ConsentMethod } from "./consent";

/** The kind in the outbox (lib/mail/labels.ts). */
export const CONFIRM_MAIL_KIND = "subscription.confirm";

/**
 * The double opt-in message. The link opens a page with a button; only that button's POST confirms,
 * so a mail scanner that follows the link subscribes nobody.
 */
export function confirmationMail(input: { municipalityName: string; publicationNames: string[]; confirmUrl: string; expiresAt: Date; method: ConsentMethod }): MailContent {
  const sender = input.municipalityName || "Kommunbladet";
  const subject = `Bekräfta din prenumeration – ${sender}`;
  const intro =
    input.method === "import"
      ? `${sender} flyttar sina e-postutskick till en ny tjänst, och din adress fanns på vår tidigare lista. Du får inga utskick från den nya tjänsten förrän du själv har bekräftat att du vill ha dem:`
      : `Någon, förhoppningsvis du, har bett att få e-post från ${sender} om:`;
  const howTo = `Bekräfta genom att öppna länken och trycka på knappen ”Bekräfta prenumeration”. Länken gäller till och med ${formatDate(input.expiresAt)} och kan bara användas en gång.`;
  const ignore = "Om du inte har bett om det här behöver du inte göra något: utan din bekräftelse får du inga utskick. Varje utskick har en länk för att avsluta prenumerationen.";
  const list = input.publicationNames.map((name) => `- ${name}`).join("\n");
  const text = ["Hej!", intro, list, howTo, input.confirmUrl, ignore, `-- \n${sender}`].join("\n\n") + "\n";
  const html = [
    "<!doctype html>",
    `<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    "<p>Hej!</p>",
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${input.publicationNames.map((name) => `<li>${escapeHtml(name)}</li>`).join("")}</ul>`,
    `<p>${escapeHtml(howTo)}</p>`,
    `<p><a href="${escapeHtml(input.confirmUrl)}">Öppna sidan för att bekräfta</a><br>${escapeHtml(input.confirmUrl)}</p>`,
    `<p style="color: #555; font-size: 14px;">${escapeHtml(ignore)}</p>`,
    `<p style="color: #555; font-size: 14px;">${escapeHtml(sender)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
