import { describe, expect, it } from "vitest";
import { z } from "zod";
import "@/lib/errors";
import { textContentSchema } from "@/lib/editorial/text-input";
import { issueTransitionSchema } from "@/lib/workflow/services/issue-workflow";

/** English zod defaults, and the Swedish locale's wordings we replace because they show the rule's innards. */
const LEAKS = /Invalid|Expected|Too (big|small)|must match|Ogiltig sträng|mönstret|förväntat|undefined|instanceof|reguljärt/;

const messagesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a failure");
  return result.error.issues.map((issue) => issue.message);
};

describe("zod's own messages are Swedish and name the field", () => {
  const form = z.object({
    title: z.string().max(5),
    lead: z.string().min(3),
    slug: z.string().regex(/^[a-z]+$/),
    email: z.email(),
    year: z.coerce.number().int().max(2100),
    tags: z.array(z.string()).max(1),
    publicationId: z.uuid(),
    comment: z.string(),
  });

  it.each([
    ["too long", { title: "för lång rubrik" }, 'Fältet "Rubrik" får ha högst 5 tecken.'],
    ["too short", { lead: "ab" }, 'Fältet "Ingress" måste ha minst 3 tecken.'],
    ["a pattern", { slug: "Å!" }, 'Fältet "Adress" har fel format.'],
    ["an e-mail", { email: "inte-en-adress" }, 'Fältet "E-postadress" måste vara en e-postadress.'],
    ["a number", { year: "tjugo" }, 'Fältet "År" måste vara ett tal.'],
    ["a maximum", { year: "2200" }, 'Fältet "År" får vara högst 2\u00a0100.'],
    ["a list", { tags: ["a", "b"] }, 'Fältet "Taggar" får ha högst 1 val.'],
    ["an id", { publicationId: "x" }, 'Fältet "Publicering" pekar inte på något som finns.'],
    ["a missing field", { comment: undefined }, 'Fältet "Kommentar" måste fyllas i.'],
  ])("%s", (_case, overrides, expected) => {
    const valid = { title: "Kort", lead: "Lång nog", slug: "abc", email: "a@exempelby.se", year: "2026", tags: [], publicationId: crypto.randomUUID(), comment: "" };
    expect(messagesOf(form, { ...valid, ...overrides })).toEqual([expected]);
  });

  it("asks for a reload when a field the page fills in is wrong, and names it", () => {
    const [message] = messagesOf(issueTransitionSchema, { id: crypto.randomUUID(), action: "approve", contentHash: "nope" });
    expect(message).toBe("Sidan skickade en ogiltig uppgift (numrets innehåll). Ladda om sidan och försök igen.");
  });

  it("keeps a schema's own message", () => {
    expect(messagesOf(textContentSchema, { title: "", lead: "", slug: "Fel Adress", tags: [], body: null })).toEqual(["Adressen får bara innehålla a–z, siffror och bindestreck."]);
  });

  it("never echoes posted keys, patterns or type names", () => {
    const strict = z.strictObject({ slug: z.string().regex(/^[a-z]+$/), kind: z.enum(["a", "b"]), when: z.iso.datetime(), note: z.string().startsWith("x") });
    const messages = messagesOf(strict, { slug: "?", kind: "c", when: "igår", note: "y", hemligNyckel: 1 });
    expect(messages).toEqual([
      'Fältet "Adress" har fel format.',
      "Ett av fälten har ett värde som inte går att välja.",
      "Ett av fälten måste vara ett datum med klockslag.",
      "Ett av fälten har fel format.",
      "Formuläret innehöll uppgifter som inte hör dit.",
    ]);
    for (const message of messages) expect(message).not.toMatch(LEAKS);
    expect(messages.join(" ")).not.toContain("hemligNyckel");
  });

  it("a bare value without a field still gets Swedish", () => {
    expect(messagesOf(z.uuid(), "x")).toEqual(["Uppgiften pekar inte på något som finns."]);
    expect(messagesOf(z.union([z.number(), z.boolean()]), "x")[0]).not.toMatch(LEAKS);
  });
});

describe("field names", () => {
  it("tell an author's title from a text's, and never take a name from Object's prototype", () => {
    const authors = z.object({ authors: z.array(z.object({ title: z.string().max(3) })), extra: z.record(z.string(), z.number()) });
    expect(messagesOf(authors, { authors: [{ title: "Förvaltningschef" }], extra: { constructor: "x" } })).toEqual([
      'Fältet "Författarens titel" får ha högst 3 tecken.',
      "Ett av fälten måste vara ett tal.",
    ]);
  });
});
