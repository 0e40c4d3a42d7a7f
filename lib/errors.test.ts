import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, fieldErrorsOf, parseInput } from "@/lib/errors";

const schema = z.object({ title: z.string().max(5, "Rubriken får vara högst 5 tecken."), baseVersion: z.number().int().min(1) });

function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parseInput did not throw");
}

describe("parseInput", () => {
  it("returns the parsed value", () => {
    expect(parseInput(schema, { title: "Hej", baseVersion: 2 })).toEqual({ title: "Hej", baseVersion: 2 });
  });

  it("throws INVALID_INPUT with each field's Swedish message, the first one as the summary", () => {
    const error = caught(() => parseInput(schema, { title: "Alldeles för lång", baseVersion: 0 }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("Rubriken får vara högst 5 tecken.");
    expect(error.fieldErrors).toEqual({
      title: ["Rubriken får vara högst 5 tecken."],
      baseVersion: ["Sidan skickade en ogiltig uppgift (versionsnummer). Ladda om sidan och försök igen."],
    });
  });

  it("uses the given summary and keeps the fields' messages", () => {
    const error = caught(() => parseInput(schema, { title: "Alldeles för lång", baseVersion: 1 }, { message: "Texten sparades inte." }));
    expect(error.message).toBe("Texten sparades inte.");
    expect(error.fieldErrors).toEqual({ title: ["Rubriken får vara högst 5 tecken."] });
  });

  it("a malformed id can be reported as a thing that does not exist, without field messages", () => {
    const error = caught(() => parseInput(z.uuid(), "inte-ett-id", { code: "NOT_FOUND", message: "Texten finns inte." }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("Texten finns inte.");
    expect(error.fieldErrors).toBeUndefined();
  });

  it("never shows zod's English", () => {
    const error = caught(() => parseInput(z.object({ slug: z.string().regex(/^[a-z]+$/) }), { slug: "Ä!" }));
    expect([error.message, ...Object.values(error.fieldErrors ?? {}).flat()].join(" ")).not.toMatch(/Invalid|pattern|must match/);
  });
});

describe("fieldErrorsOf", () => {
  it("keys messages by the top-level field, and the whole form as 'form'", () => {
    const result = z.string().min(2, "För kort.").safeParse("a");
    expect(result.success || fieldErrorsOf(result.error)).toEqual({ form: ["För kort."] });
  });
});
