import { describe, expect, it } from "vitest";
import { statusText } from "./use-autosave";

describe("statusText", () => {
  // 21:35 in UTC is 22.35 in Stockholm in winter: the browser's own clock once showed the former.
  const now = new Date("2026-12-02T21:40:00Z");

  it("says when a text was saved in Swedish time, as the rest of the interface writes it", () => {
    expect(statusText({ kind: "saved", at: new Date("2026-12-02T21:35:00Z") }, now)).toBe("Sparat kl. 22.35");
    expect(statusText({ kind: "saved", at: new Date("2026-11-29T09:05:00Z") }, now)).toBe("Sparat 29 november kl. 10.05");
    expect(statusText({ kind: "saved", at: new Date("2025-06-01T09:05:00Z") }, now)).toBe("Sparat 1 juni 2025 kl. 11.05");
  });

  it("counts today by the calendar in Stockholm, not in UTC", () => {
    // 23.30 UTC on 2 December is already 3 December in Stockholm.
    expect(statusText({ kind: "saved", at: new Date("2026-12-02T23:30:00Z") }, new Date("2026-12-02T23:45:00Z"))).toBe("Sparat kl. 00.30");
    expect(statusText({ kind: "saved", at: new Date("2026-12-02T22:30:00Z") }, new Date("2026-12-02T23:45:00Z"))).toBe("Sparat 2 december kl. 23.30");
  });

  it("uses the words people are told to look for", () => {
    expect(statusText({ kind: "saving" })).toBe("Sparar…");
    expect(statusText({ kind: "retrying", message: "Kunde inte spara – försöker igen" })).toBe("Kunde inte spara – försöker igen");
    expect(statusText({ kind: "invalid", message: "Adressen används redan.", fieldErrors: {} })).toBe("Kunde inte spara: Adressen används redan.");
  });
});
