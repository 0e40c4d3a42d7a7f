import { describe, expect, it } from "vitest";
import { HIDDEN_LINK, hideOneTimeLinks } from "@/lib/mail/outbox";
import { listUnsubscribeHeaders, newConfirmationToken, readUnsubscribeToken, sha256, unsubscribeToken, unsubscribeUrl } from "./tokens";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("unsubscribe tokens", () => {
  it("name their subscriber and nothing else", () => {
    const token = unsubscribeToken(ID);
    expect(readUnsubscribeToken(token)).toBe(ID);
    expect(unsubscribeToken(ID)).toBe(token);
    const other = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
    expect(readUnsubscribeToken(`${other}.${token.split(".")[1]}`)).toBeNull();
    expect(readUnsubscribeToken(`${ID}.${"A".repeat(43)}`)).toBeNull();
    expect(readUnsubscribeToken(`${token}.x`)).toBeNull();
    expect(readUnsubscribeToken("")).toBeNull();
    expect(readUnsubscribeToken("'; drop table subscribers; --")).toBeNull();
  });

  it("are hidden in the outbox from staff who are not the recipient", () => {
    expect(hideOneTimeLinks(`Avsluta prenumeration: ${unsubscribeUrl(ID)}`)).toBe(`Avsluta prenumeration: ${HIDDEN_LINK}`);
    // As the e-mail edition's text part and the List-Unsubscribe header write it: the brackets stay.
    expect(hideOneTimeLinks(`Avsluta prenumeration <${unsubscribeUrl(ID)}>`)).toBe(`Avsluta prenumeration <${HIDDEN_LINK}>`);
    expect(hideOneTimeLinks(`<${unsubscribeUrl(ID)}>, <mailto:x>`)).toBe(`<${HIDDEN_LINK}>, <mailto:x>`);
  });

  it("go into an HTTPS-able page address and the RFC 8058 headers", () => {
    expect(unsubscribeUrl(ID)).toMatch(new RegExp(`/prenumerera/avsluta/${ID}\\.[A-Za-z0-9_-]{43}$`));
    const headers = listUnsubscribeHeaders(ID);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(headers["List-Unsubscribe"]).toMatch(/^<http[^>]+>, <mailto:avsluta@[^>]+>$/);
  });
});

describe("confirmation tokens", () => {
  it("are random, and only their hash is kept", () => {
    const a = newConfirmationToken();
    const b = newConfirmationToken();
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(sha256(a.token));
    expect(a.hash).not.toContain(a.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
  });
});
