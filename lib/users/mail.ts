import { formatDateTime } from "@/lib/format";
import { escapeHtml, type MailContent } from "@/lib/mail/templates";

/** The kinds in the outbox (lib/mail/labels.ts). */
export const INVITE_MAIL_KIND = "user.invite";
export const RESET_MAIL_KIND = "user.reset";

const FOOTER = "Det här meddelandet skickades automatiskt från Kommunbladet.";

function render(subject: string, paragraphs: string[], link: { label: string; url: string }, after: string[]): MailContent {
  const text = ["Hej!", ...paragraphs, `${link.label}\n${link.url}`, ...after, `-- \n${FOOTER}`].join("\n\n") + "\n";
  const html = [
    "<!doctype html>",
    `<html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a;">',
    "<p>Hej!</p>",
    ...paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p>${escapeHtml(link.label)}<br><a href="${escapeHtml(link.url)}">${escapeHtml(link.url)}</a></p>`,
    ...after.map((line) => `<p style="color: #555; font-size: 14px;">${escapeHtml(line)}</p>`),
    `<p style="color: #555; font-size: 14px;">${escapeHtml(FOOTER)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}

/** The invitation: who invited, as what, the link to "Välj lösenord" and when it stops working. */
export function inviteMail(input: { name: string; inviterName: string; roleLabel: string; site: string; url: string; expiresAt: Date }): MailContent {
  return render(
    `Välkommen till ${input.site} – välj ditt lösenord`,
    [
      `${input.inviterName} har bjudit in dig, ${input.name.replace(/\s+/g, " ").trim()}, till redaktionen i ${input.site}. Du får rollen ${input.roleLabel.toLocaleLowerCase("sv-SE")}.`,
      "Välj ditt lösenord på sidan som länken öppnar. Sedan loggar du in med din e-postadress och lösenordet.",
    ],
    { label: "Välj lösenord:", url: input.url },
    [
      `Länken gäller till ${formatDateTime(input.expiresAt)} och kan bara användas en gång. Har den hunnit gå ut, be ${input.inviterName} skicka en ny inbjudan.`,
      "Om du inte väntade dig den här inbjudan kan du bortse från meddelandet.",
    ],
  );
}

/** "Glömt lösenordet?": a link to choose a new password, valid one hour. */
export function resetMail(input: { site: string; url: string; expiresAt: Date }): MailContent {
  return render(
    `Nytt lösenord till ${input.site}`,
    ["Någon, förhoppningsvis du, har bett om att få välja ett nytt lösenord till ditt konto i redaktionen."],
    { label: "Välj ett nytt lösenord:", url: input.url },
    [
      `Länken gäller till ${formatDateTime(input.expiresAt)} och kan bara användas en gång.`,
      "Om du inte har bett om det här behöver du inte göra något: ditt lösenord är oförändrat.",
    ],
  );
}
