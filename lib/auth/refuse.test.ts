import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { loadForPage, refuse, requirePermission } from "./refuse";

// next build sets this from experimental.authInterrupts; forbidden() refuses to work without it.
const previous = process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS;
beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});
afterAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = previous;
});

const FORBIDDEN = { digest: "NEXT_HTTP_ERROR_FALLBACK;403" };
const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };
const skribent = { id: "u", role: "skribent" as const, active: true };

describe("refusing a staff page", () => {
  it("is Next's 403 interrupt, not an error for the error page", () => {
    expect(() => refuse()).toThrow(expect.objectContaining(FORBIDDEN));
  });

  it("requirePermission lets the role through or refuses it", () => {
    expect(() => requirePermission(skribent, "content.create")).not.toThrow();
    expect(() => requirePermission(skribent, "audit.read")).toThrow(expect.objectContaining(FORBIDDEN));
    expect(() => requirePermission({ ...skribent, active: false }, "content.create")).toThrow(expect.objectContaining(FORBIDDEN));
  });

  it("loadForPage turns a service's FORBIDDEN into the 403 page and NOT_FOUND into the 404 page", async () => {
    await expect(loadForPage(Promise.resolve(42))).resolves.toBe(42);
    await expect(loadForPage(Promise.reject(new AppError("FORBIDDEN", "Du har inte behörighet till den här texten.")))).rejects.toMatchObject(FORBIDDEN);
    await expect(loadForPage(Promise.reject(new AppError("NOT_FOUND", "Texten finns inte.")))).rejects.toMatchObject(NOT_FOUND);
  });

  it("lets a real failure through to the error page", async () => {
    const failure = new Error("databasen svarar inte");
    await expect(loadForPage(Promise.reject(failure))).rejects.toBe(failure);
    await expect(loadForPage(Promise.reject(new AppError("CONFLICT", "Någon annan ändrade samtidigt.")))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
