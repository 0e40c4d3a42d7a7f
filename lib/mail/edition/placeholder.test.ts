import { describe, expect, it } from "vitest";
import { personalize, UNSUBSCRIBE_URL_PLACEHOLDER } from "./placeholder";

const rendered = {
  subject: "Ämne",
  preheader: "Ingress",
  html: `<a href="${UNSUBSCRIBE_URL_PLACEHOLDER}">Avsluta prenumeration</a><p>${UNSUBSCRIBE_URL_PLACEHOLDER}</p>`,
  text: `Avsluta prenumeration <${UNSUBSCRIBE_URL_PLACEHOLDER}>\nIgen: ${UNSUBSCRIBE_URL_PLACEHOLDER}\n`,
};

describe("personalize", () => {
  it("is a valid absolute URL on a domain that never resolves", () => {
    expect(new URL(UNSUBSCRIBE_URL_PLACEHOLDER).hostname.endsWith(".invalid")).toBe(true);
  });

  it("replaces every occurrence, HTML-escaped in the HTML and as it is in the text", () => {
    const url = "https://exempelby.example/prenumerera/avsluta?token=a1b2&lista=nyhetsbrev";
    const out = personalize(rendered, url);
    expect(out.html).toBe(
      '<a href="https://exempelby.example/prenumerera/avsluta?token=a1b2&amp;lista=nyhetsbrev">Avsluta prenumeration</a>' +
        "<p>https://exempelby.example/prenumerera/avsluta?token=a1b2&amp;lista=nyhetsbrev</p>",
    );
    expect(out.text).toBe(`Avsluta prenumeration <${url}>\nIgen: ${url}\n`);
    expect(out.html).not.toContain(UNSUBSCRIBE_URL_PLACEHOLDER);
    expect(out.text).not.toContain(UNSUBSCRIBE_URL_PLACEHOLDER);
    expect({ subject: out.subject, preheader: out.preheader }).toEqual({ subject: "Ämne", preheader: "Ingress" });
  });

  it("takes a URL literally, $ signs included, and leaves the shared rendering untouched", () => {
    const url = "https://exempelby.example/avsluta?t=$&x=$1";
    const out = personalize(rendered, url);
    expect(out.text).toContain(`<${url}>`);
    expect(out.html).toContain('href="https://exempelby.example/avsluta?t=$&amp;x=$1"');
    expect(rendered.html).toContain(UNSUBSCRIBE_URL_PLACEHOLDER);
  });

  it("refuses anything but an absolute http(s) URL", () => {
    expect(() => personalize(rendered, "javascript:alert(1)")).toThrow();
    expect(() => personalize(rendered, "/avsluta")).toThrow();
  });
});
