import { describe, expect, it } from "vitest";
import { PASSWORD_NAMES_YOU, PASSWORD_TOO_COMMON, PASSWORD_TOO_SHORT, passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("asks for at least 12 characters, counted as characters, not bytes", () => {
    expect(passwordProblem("kort-lösen")).toBe(PASSWORD_TOO_SHORT);
    expect(passwordProblem("åäöåäöåäöåä")).toBe(PASSWORD_TOO_SHORT);
    expect(passwordProblem("")).toBe(PASSWORD_TOO_SHORT);
  });

  it("refuses passwords from the list of common ones, however long", () => {
    for (const common of ["password1234", "123456789012", "qwertyuiopas", "iloveyou1234"]) expect(passwordProblem(common), common).toBe(PASSWORD_TOO_COMMON);
  });

  it("refuses one's own name or address", () => {
    expect(passwordProblem("annasvensson", ["Anna Svensson", "anna.svensson@exempelby.test"])).toBe(PASSWORD_NAMES_YOU);
  });

  it("accepts a long passphrase", () => {
    expect(passwordProblem("Trädgårdsmästare-42")).toBeNull();
    expect(passwordProblem("Sommarsol i Exempelby 2026")).toBeNull();
    expect(passwordProblem("demo-lösenord-2026")).toBeNull();
  });
});
