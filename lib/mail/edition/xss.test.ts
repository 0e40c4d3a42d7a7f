import { describe, expect, it } from "vitest";
import { inspectHtml } from "@/lib/security/inert-html";
import { documentCarrying, normalizeSpace, XSS_PAYLOADS } from "@/lib/security/xss-corpus";
import { confirmationMail } from "@/lib/subscriptions/confirmation-mail";
import { approved, changesRequested, published, submittedForReview } from "@/lib/mail/templates";
import { COVER_ID, issueData, ORIGIN, postData } from "./fixtures";
import { renderIssueEmail } from "./issue";
import { renderPostEmail } from "./post";
import type { EditionText } from "./types";

// Every text of an edition carries the payload: title, lead, body (every node), byline, cover, the
// theme, the publication's and the municipality's names, the Kalendarium and the colophon.

function text(payload: string, placement: EditionText["placement"], slug: string): EditionText {
  return {
    url: `${ORIGIN}/nyhetsbrev/2026/11/${slug}`,
    placement,
    title: payload,
    lead: payload,
    body: documentCarrying(payload).body,
    byline: [{ userId: null, name: payload, title: payload }],
    cover: { id: COVER_ID, alt: payload, caption: payload, credit: payload },
  };
}

function issueCarrying(payload: string) {
  return issueData({
    municipalityName: payload,
    publicationName: payload,
    theme: payload,
    texts: [text(payload, "column", "kronika"), text(payload, "article", "artikel")],
    calendar: [
      { title: payload, startsOn: "2026-12-02", startTime: "10:00:00", endTime: null, endsOn: null, place: payload, description: payload, link: payload, cancelled: false },
    ],
    calendarNote: payload,
    colophon: {
      publisherName: payload,
      publisherTitle: payload,
      publisherEmail: payload,
      editorLabel: payload,
      editorName: payload,
      editorEmail: payload,
      municipalityName: payload,
      streetAddress: payload,
      postalAddress: payload,
      phone: payload,
      email: payload,
      webUrl: payload,
    },
  });
}

function expectInert(mail: { subject: string; preheader: string; html: string; text: string }, payload: string) {
  const { problems, text } = inspectHtml(mail.html);
  expect(problems).toEqual([]);
  const shown = normalizeSpace(payload);
  expect(text).toContain(shown);
  // html-to-text counts a zero-width space as white space; the plain-text part runs nothing either way.
  expect(normalizeSpace(mail.text)).toContain(normalizeSpace(payload.replaceAll("\u200b", " ")));
  // A line break in a header would start a header of the payload's choosing.
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.preheader).not.toMatch(/[\r\n]/);
}

describe("the e-mail editions with the XSS corpus", () => {
  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("payload %i stays text in the issue's HTML and text parts", async (_, payload) => {
    const mail = await renderIssueEmail(issueCarrying(payload));
    expectInert(mail, payload);
    // Each article: title (linked in the contents and as the heading), lead, byline, cover caption and credit, and its body.
    const shown = normalizeSpace(payload);
    const html = inspectHtml(mail.html).text;
    expect(html.split(shown).length - 1).toBeGreaterThanOrEqual(2 * documentCarrying(payload).textPlaces);
  });

  it.each(XSS_PAYLOADS.map((p) => [p.marker, p.payload] as const))("payload %i stays text in a blog post's mail", async (_, payload) => {
    const base = postData();
    const mail = await renderPostEmail({ ...base, blogName: payload, municipalityName: payload, post: { ...text(payload, "article", "inlagg"), url: base.post.url } });
    expectInert(mail, payload);
  });
});

describe("the notification and confirmation mails with the XSS corpus", () => {
  const all = XSS_PAYLOADS.map((p) => p.payload);
  const joined = all.join(" ");
  const url = `${ORIGIN}/redaktion/texter/1`;
  const mails = {
    submittedForReview: submittedForReview({ title: joined, submitterName: joined, reviewUrl: url, approveLinkUrl: url }),
    changesRequested: changesRequested({ title: joined, reviewerName: joined, comment: joined, editUrl: url }),
    approved: approved({ title: joined, approverName: joined, version: 2, editUrl: url }),
    published: published({ title: joined, publicUrl: url }),
    confirmation: confirmationMail({ municipalityName: joined, publicationNames: all, confirmUrl: url, expiresAt: new Date("2026-12-01"), method: "form" }),
  };

  it.each(Object.entries(mails))("%s shows every payload as text", (_, mail) => {
    const { problems, text } = inspectHtml(mail.html);
    expect(problems).toEqual([]);
    for (const payload of all) expect(text).toContain(normalizeSpace(payload));
  });

  it("lets no payload's link become an href: only the http(s) links the mail is about", () => {
    for (const mail of Object.values(mails)) {
      const hrefs = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
      expect(hrefs.every((href) => href === url)).toBe(true);
    }
  });
});
