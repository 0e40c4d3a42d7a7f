import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { workflowAction } from "@/app/redaktion/arbetsflode/actions";
import { updateIssueAction } from "@/app/redaktion/nummer/actions";
import { deleteTextAction, overrideWarningAction, restoreRevisionAction, setAuthorsAction } from "@/app/redaktion/texter/actions";
import { newsletterIssues } from "@/db/schema";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { createText } from "@/lib/editorial/create-text";
import { AppError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";

// The actions as a browser calls them: only the session, the database and Next's cache are stood in for.
// Nothing here imports lib/validation, so the Swedish messages prove that the actions load it themselves.
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", "Du är inte inloggad. Logga in och försök igen.");
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock("next/navigation", () => ({ redirect: () => {}, notFound: () => {} }));

let t: TestDb;
let redaktor: CurrentUser, utgivare: CurrentUser, newsletterId: string, blogId: string;
beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  ({ redaktor, utgivare, newsletterId, blogId } = await seededDemo(t.db));
});
afterAll(() => t.close());
beforeEach(() => {
  state.actor = redaktor;
});

/** What the person sees: the message above the form and any message beside a field. */
function shown(result: { ok: boolean } | null) {
  expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  const failed = result as unknown as { message: string; fieldErrors?: Record<string, string[]> };
  return [failed.message, ...Object.values(failed.fieldErrors ?? {}).flat()];
}

const ENGLISH = /Invalid|Expected|expected|Too (big|small)|must|Required|received|pattern|string|number/;

describe("bad input to actions gets Swedish messages that name the field", () => {
  it("an issue decision with a mangled content hash (the 'must match pattern' of the issue)", async () => {
    state.actor = utgivare;
    const [issue] = await t.db.insert(newsletterIssues).values({ publicationId: newsletterId, year: 2034, number: 1, createdBy: redaktor.id }).returning();
    const messages = shown(await workflowAction({ target: "issue", id: issue!.id, action: "approve", contentHash: "inte-en-hash" }));
    expect(messages[0]).toBe("Sidan skickade en ogiltig uppgift (numrets innehåll). Ladda om sidan och försök igen.");
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
  });

  it("an author's name and title that are too long", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Författarprov" });
    const messages = shown(await setAuthorsAction({ id, baseVersion: 1, authors: [{ userId: null, name: "Anna Svensson", title: "x".repeat(121) }] }));
    expect(messages[0]).toBe('Fältet "Författarens titel" får ha högst 120 tecken.');
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
  });

  it("a warning override without its warning", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Varningsprov" });
    const messages = shown(await overrideWarningAction({ id, key: "", reason: "En tabell för layout, avsiktligt." }));
    expect(messages[0]).toBe("Sidan skickade en ogiltig uppgift (varning). Ladda om sidan och försök igen.");
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
  });

  it("an issue form with a year in letters keeps the schema's own Swedish", async () => {
    const [issue] = await t.db.insert(newsletterIssues).values({ publicationId: newsletterId, year: 2034, number: 2, createdBy: redaktor.id }).returning();
    const form = new FormData();
    for (const [key, value] of Object.entries({
      id: issue!.id,
      baseVersion: String(issue!.version),
      year: "tjugo",
      number: "2",
      title: "",
      calendarFrom: "",
      calendarTo: "",
      calendarNote: "",
    })) {
      form.set(key, value);
    }
    const messages = shown(await updateIssueAction(null, form));
    expect(messages).toContain("Ange året med siffror.");
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
  });

  // The bug of the issue: this action called schema.parse() bare, so a ZodError reached toResult as
  // an unexpected failure and the person saw "Något gick fel" instead of what was wrong.
  it("restoring a version with a mangled version number says which field, not 'Något gick fel'", async () => {
    const { id } = await createText(t.db, redaktor, { publicationId: blogId, title: "Återställningsprov" });
    const result = await restoreRevisionAction({ id, revisionId: "inte-ett-id", baseVersion: 0 });
    const messages = shown(result);
    expect(messages).not.toContain(GENERIC_ERROR_MESSAGE);
    expect(messages[0]).toBe("Sidan skickade en ogiltig uppgift (version). Ladda om sidan och försök igen.");
    expect(messages).toContain("Sidan skickade en ogiltig uppgift (versionsnummer). Ladda om sidan och försök igen.");
    for (const message of messages) expect(message).not.toMatch(ENGLISH);
  });

  it("deleting a text by a malformed id answers that the text is gone, not 'Något gick fel'", async () => {
    expect(await deleteTextAction("inte-ett-id")).toEqual({ ok: false, code: "NOT_FOUND", message: "Texten finns inte längre." });
  });
});
