import { describe, expect, it } from "vitest";
import { statusText } from "./use-autosave";

describe("statusText", () => {
  it("says when a text was saved: the time today, the date and time before today", () => {
    const now = new Date();
    expect(statusText({ kind: "saved", at: now })).toMatch(/^Sparat \d\d:\d\d$/);
    expect(statusText({ kind: "saved", at: new Date(now.getTime() - 3 * 86_400_000) })).toMatch(/^Sparat \d+ [a-zåäö]+ \d\d:\d\d$/);
  });

  it("uses the words people are told to look for", () => {
    expect(statusText({ kind: "saving" })).toBe("Sparar…");
    expect(statusText({ kind: "retrying", message: "Kunde inte spara – försöker igen" })).toBe("Kunde inte spara – försöker igen");
    expect(statusText({ kind: "invalid", message: "Adressen används redan.", fieldErrors: {} })).toBe("Kunde inte spara: Adressen används redan.");
  });
});
