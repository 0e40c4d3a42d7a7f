import { describe, expect, it } from "vitest";
import { checkEmail, displayEmail, emailHash, normalizeEmail } from "./email";
import { sha256 } from "./tokens";

const codeOf = (raw: string) => {
  const result = checkEmail(raw);
  return result.ok ? "ok" : result.code;
};

describe("checkEmail", () => {
  it("trims, lower-cases and keeps one spelling per address", () => {
    expect(checkEmail("  Anna.Svensson@Exempelby.SE ")).toEqual({ ok: true, email: "anna.svensson@exempelby.se" });
    expect(normalizeEmail("anna+blogg@exempelby.se")).toBe("anna+blogg@exempelby.se");
    expect(normalizeEmail("anna@exempelby.se.")).toBe("anna@exempelby.se");
    expect(normalizeEmail(normalizeEmail("ANNA@Ärlig.se")!)).toBe(normalizeEmail("ANNA@Ärlig.se"));
  });

  it("refuses line breaks and other control or invisible characters (header injection)", () => {
    expect(codeOf("anna@exempelby.se\r\nBcc: alla@exempelby.se")).toBe("control");
    expect(codeOf("anna@exempelby.se\n")).toBe("control");
    expect(codeOf("anna@exempel\u0000by.se")).toBe("control");
    expect(codeOf("an\u200bna@exempelby.se")).toBe("control");
    expect(codeOf("anna@exempelby.se\u202e")).toBe("control");
  });

  it("refuses a 10 kB address with a message about length, and 255 characters too", () => {
    const huge = checkEmail(`${"a".repeat(10_000)}@exempelby.se`);
    expect(huge).toMatchObject({ ok: false, code: "too_long" });
    expect(huge.ok ? "" : huge.message).toMatch(/254 tecken/);
    const at254 = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.se`;
    expect(at254).toHaveLength(254);
    expect(codeOf(at254)).toBe("ok");
    expect(codeOf(at254.replace("@", "a@").slice(1).replace("@", "@b"))).toBe("too_long");
    expect(codeOf(`${"a".repeat(65)}@exempelby.se`)).toBe("syntax");
  });

  it("refuses what is not an address, SQL included, with a Swedish message", () => {
    for (const raw of [
      "anna",
      "anna@",
      "@exempelby.se",
      "anna@@exempelby.se",
      "anna@exempelby",
      "an na@exempelby.se",
      "anna..s@exempelby.se",
      "anna@-x.se",
      "anna@1.2.3.4",
      "anna@[127.0.0.1]",
    ]) {
      expect(codeOf(raw), raw).not.toBe("ok");
    }
    const sql = checkEmail("'; drop table subscribers; --");
    expect(sql).toMatchObject({ ok: false, code: "syntax" });
    expect(sql.ok ? "" : sql.message).toMatch(/e-postadress/);
    expect(codeOf("x@y.se' OR '1'='1")).not.toBe("ok");
    expect(codeOf("")).toBe("empty");
    expect(codeOf("   ")).toBe("empty");
  });

  it("turns an IDN domain into punycode and refuses a non-ASCII local part", () => {
    expect(normalizeEmail("info@Åre.se")).toBe("info@xn--re-xia.se");
    expect(normalizeEmail("info@xn--re-xia.se")).toBe("info@xn--re-xia.se");
    expect(normalizeEmail("info@пример.рф")).toBe("info@xn--e1afmkfd.xn--p1ai");
    expect(codeOf("åsa@exempelby.se")).toBe("local_not_ascii");
  });

  it("refuses look-alike domains instead of accepting them as another spelling", () => {
    expect(codeOf("anna@ex\u0430mple.se")).toBe("mixed_script"); // Cyrillic а among Latin letters
    // The same address as Chromium sends it from <input type="email">: the domain already in punycode.
    expect(codeOf("anna@xn--exmple-4nf.se")).toBe("mixed_script");
    expect(codeOf("anna@XN--EXMPLE-4NF.SE")).toBe("mixed_script");
    expect(codeOf("anna@p\u0430ypal.com")).toBe("mixed_script");
    expect(codeOf("anna@\u0430\u0440\u0435.se")).toBe("mixed_script"); // "аре" wholly in Latin-looking Cyrillic
    expect(codeOf("anna@ex\u03bfmple.se")).toBe("mixed_script"); // Greek ο
    expect(codeOf("anna@example.se")).toBe("ok");
  });
});

describe("emailHash", () => {
  it("hashes the normalised address, so every spelling of one person is one suppression", () => {
    expect(emailHash(" Anna@Exempelby.se")).toBe(sha256("anna@exempelby.se"));
    expect(emailHash("anna@exempelby.se")).toBe(emailHash("ANNA@EXEMPELBY.SE"));
    expect(emailHash("anna@exempelby.se")).not.toContain("anna");
  });
});

describe("displayEmail", () => {
  it("shows an IDN domain in its own letters, and leaves anything else alone", () => {
    expect(displayEmail("info@xn--re-xia.se")).toBe("info@åre.se");
    expect(displayEmail("anna@xn--exmple-4nf.se")).toBe("anna@ex\u0430mple.se");
    expect(displayEmail("anna@exempel.se")).toBe("anna@exempel.se");
    expect(displayEmail("inget snabel-a")).toBe("inget snabel-a");
  });
});
