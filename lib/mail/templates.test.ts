import { describe, expect, it } from "vitest";
import { approved, changesRequested, escapeHtml, issueTitle, published, submittedForReview } from "./templates";

const hostile = `<script>alert("x")</script> & 'citat'`;

describe("mail templates", () => {
  it("asks the utgivare to review, with the one-time approval link and its expiry in Swedish time", () => {
    const mail = submittedForReview({
      title: "Nytt bibliotek i Exempelby",
      submitterName: "Sara Lind",
      reviewUrl: "http://localhost:3000/redaktion/texter/1/forhandsgranska",
      approveLinkUrl: "http://localhost:3000/godkann/abc",
      expiresAt: new Date("2026-03-02T13:05:00Z"),
    });
    expect(mail.subject).toBe("Att granska: Nytt bibliotek i Exempelby");
    expect(mail.text).toContain("Sara Lind har skickat texten ”Nytt bibliotek i Exempelby” till granskning.");
    expect(mail.text).toContain("http://localhost:3000/redaktion/texter/1/forhandsgranska");
    expect(mail.text).toContain("Länken gäller till 2 mars 2026 kl. 14.05 och kan bara användas en gång:\nhttp://localhost:3000/godkann/abc");
    expect(mail.html).toContain('<a href="http://localhost:3000/godkann/abc">');
    expect(mail.html).toContain('<html lang="sv">');
  });

  it("leaves out the approval paragraph when there is no approval link", () => {
    const mail = submittedForReview({ title: "T", submitterName: "S", reviewUrl: "https://x.test/r" });
    expect(mail.text).not.toContain("godkänna");
  });

  it("words an issue as a neuter noun", () => {
    const title = issueTitle({ number: 3, year: 2026 });
    expect(title).toBe("Nummer 3 2026");
    expect(submittedForReview({ title, submitterName: "Jonas Berg", reviewUrl: "https://x.test/r", about: "issue" }).text).toContain(
      "Jonas Berg har skickat numret ”Nummer 3 2026” till granskning.",
    );
    expect(approved({ title, approverName: "Karin Holm", version: 2, editUrl: "https://x.test/e", about: "issue" }).subject).toBe("Godkänt: Nummer 3 2026");
    const done = published({ title, publicUrl: "https://x.test/nyhetsbrev/3", about: "issue" });
    expect(done.subject).toBe("Publicerat: Nummer 3 2026");
    expect(done.text).toContain("Numret ”Nummer 3 2026” är nu publicerat.");
  });

  it("quotes the reviewer's comment line by line in the text and keeps its line breaks in the HTML", () => {
    const mail = changesRequested({ title: "Vägarbete", reviewerName: "Karin Holm", comment: "Korta ingressen.\nKontrollera datumet.", editUrl: "https://x.test/e" });
    expect(mail.subject).toBe("Ändringar önskas: Vägarbete");
    expect(mail.text).toContain("Kommentar:\n> Korta ingressen.\n> Kontrollera datumet.");
    expect(mail.html).toContain("white-space: pre-wrap");
  });

  it("states the approved version", () => {
    const mail = approved({ title: "Vägarbete", approverName: "Karin Holm", version: 4, editUrl: "https://x.test/e" });
    expect(mail.subject).toBe("Godkänd: Vägarbete");
    expect(mail.text).toContain("Karin Holm har godkänt version 4 av texten ”Vägarbete”.");
  });

  it("escapes every interpolated value in the HTML and keeps the subject on one line", () => {
    const mails = [
      submittedForReview({ title: `${hostile}\nBcc: x@evil.test`, submitterName: hostile, reviewUrl: `https://x.test/?a="><b>`, approveLinkUrl: "javascript:alert(1)" }),
      changesRequested({ title: hostile, reviewerName: hostile, comment: hostile, editUrl: "https://x.test/e" }),
      approved({ title: hostile, approverName: hostile, version: 1, editUrl: "https://x.test/e" }),
      published({ title: hostile, publicUrl: "https://x.test/p" }),
    ];
    for (const mail of mails) {
      expect(mail.html).not.toContain("<script>");
      expect(mail.html).not.toContain("'citat'");
      expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;citat&#39;");
      expect(mail.subject).not.toMatch(/[\r\n]/);
      // The plain text is not HTML: the title stays readable as written.
      expect(mail.text).toContain(`<script>alert("x")</script>`);
    }
    expect(mails[0]!.html).toContain('href="https://x.test/?a=&quot;&gt;&lt;b&gt;"');
    expect(mails[0]!.html).not.toContain('href="javascript:');
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
