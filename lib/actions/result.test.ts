import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { toResult } from "./result";

describe("toResult", () => {
  it("passes an expected failure's Swedish message through", async () => {
    expect(
      await toResult(async () => {
        throw new AppError("FORBIDDEN", "Du får inte.");
      }),
    ).toEqual({ ok: false, code: "FORBIDDEN", message: "Du får inte." });
  });

  it("turns a database deadlock (wrapped by drizzle) into a retryable conflict", async () => {
    const deadlock = Object.assign(new Error("Failed query"), { cause: Object.assign(new Error("deadlock detected"), { code: "40P01" }) });
    expect(
      await toResult(async () => {
        throw deadlock;
      }),
    ).toMatchObject({ ok: false, code: "CONFLICT", message: "Någon annan ändrade samtidigt. Försök igen." });
  });

  it("hides anything else behind a generic message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(
      await toResult(async () => {
        throw new Error("secret stack");
      }),
    ).toMatchObject({ ok: false, code: "INTERNAL" });
    log.mockRestore();
  });
});
