import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { newsletterIssues } from "@/db/schema";
import { snapshotDb } from "@/db/testing/snapshot";
import type { Db } from "@/db/types";
import type { CurrentUser } from "@/lib/auth/session";
import { doc, h, p } from "@/lib/content/build";
import { slugFromTitle } from "@/lib/content/slug";
import { createText } from "@/lib/editorial/create-text";
import { loadText } from "@/lib/editorial/load-text";
import { saveText } from "@/lib/editorial/save-text";
import { createIssue } from "@/lib/issues/issues";
import { currentIssueHash, transitionIssue } from "@/lib/workflow/services/issue-workflow";
import { transitionItem } from "@/lib/workflow/services/item-workflow";
import type { WorkflowAction } from "@/lib/workflow/transitions";
import { mustRefuse, refusedOnOthersTexts, type Caller, type Guard } from "../permissions/surface";

/**
 * The shared half of the permission suite (refusals.actions.test.ts, refusals.routes.test.ts):
 * an attempt is one thing a request can do, the callers that must be refused with the code they
 * must get, and a control caller who, with the very same input, gets through. The control is what
 * makes a refusal mean something: without it, a call refused for a typo would pass as "forbidden".
 */
export type Outcome = { ok: true } | { ok: false; code: string };

export type Attempt<F> = {
  /** The ACTIONS or ROUTES key this exercises. */
  surface: string;
  what: string;
  /** Rows the attempt needs, made before the snapshot (their own, so the control may use them up). */
  fixture: () => Promise<F>;
  call: (fixture: F) => Promise<Outcome>;
  refused: Partial<Record<Caller, string>>;
  /** True when the text acted on belongs to another writer than a refused skribent. */
  othersText?: true;
  control: { as: Caller; call?: (fixture: F) => Promise<Outcome>; expect?: Outcome };
};

export const attempt = <F>(a: Attempt<F>): Attempt<unknown> => a as Attempt<unknown>;

/** Runs one attempt: every refused caller gets its code and leaves every table as it was; then the control passes. */
export async function runAttempt(db: Db, a: Attempt<unknown>, setCaller: (caller: Caller) => void): Promise<void> {
  const fixture = await a.fixture();
  for (const [caller, code] of Object.entries(a.refused) as [Caller, string][]) {
    setCaller(caller);
    const before = await snapshotDb(db);
    const outcome = await a.call(fixture);
    expect(outcome, `${a.what}: ${caller}`).toEqual({ ok: false, code });
    expect(await snapshotDb(db), `${a.what}: ${caller} changed the database`).toEqual(before);
  }
  setCaller(a.control.as);
  const outcome = await (a.control.call ?? a.call)(fixture);
  expect(outcome, `${a.what}: the control caller ${a.control.as}`).toEqual(a.control.expect ?? { ok: true });
}

/**
 * Every guarded entry of the inventory has attempts refusing a resident and every role without its
 * permission; an own-text guard also has one where a writer acts on another writer's text; a token
 * or signature guard has one refusing a resident without it. A new entry without attempts fails here.
 */
export function missingAttempts(table: Record<string, Guard>, attempts: readonly Attempt<unknown>[]): string[] {
  const missing: string[] = [];
  for (const [surface, guard] of Object.entries(table)) {
    const mine = attempts.filter((a) => a.surface === surface);
    const refused = new Set(mine.flatMap((a) => Object.keys(a.refused)));
    const refusedOnOthers = new Set(mine.filter((a) => a.othersText).flatMap((a) => Object.keys(a.refused)));
    for (const caller of mustRefuse(guard)) if (!refused.has(caller)) missing.push(`${surface}: ${caller}`);
    for (const role of refusedOnOthersTexts(guard)) if (!refusedOnOthers.has(role)) missing.push(`${surface}: ${role} on another writer's text`);
    if ((guard.kind === "token" || guard.kind === "signature") && !refused.has("resident")) missing.push(`${surface}: resident without a valid ${guard.kind}`);
  }
  return missing;
}

export const ERROR_OF_STATUS: Record<number, string> = {
  400: "INVALID_INPUT",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  415: "UNSUPPORTED_MEDIA_TYPE",
};

/**
 * A route's answer as an outcome: 2xx and 3xx pass; an error status becomes its code, and when the
 * JSON body names a code too (errorResponse does) it must be the same one.
 */
export async function outcomeOfResponse(response: Response): Promise<Outcome> {
  if (response.status < 400) return { ok: true };
  const code = ERROR_OF_STATUS[response.status] ?? `HTTP_${response.status}`;
  const body = (await response.json().catch(() => null)) as { code?: unknown } | null;
  if (body && typeof body.code === "string" && body.code !== code) return { ok: false, code: `${code} (body says ${body.code})` };
  return { ok: false, code };
}

/** An action's ActionResult as an outcome. */
export function outcomeOfResult(result: { ok: true } | { ok: false; code: string } | null | undefined): Outcome {
  if (!result) throw new Error("The action returned nothing");
  return result.ok ? { ok: true } : { ok: false, code: result.code };
}

// Fixtures: texts and issues in the states the attempts start from, made through the services.

const body = (text: string) => doc(h(2, "Bakgrund"), p(text));

/** A blog post with real content, saved twice (two revisions), by `author`. */
export async function writtenPost(db: Db, author: CurrentUser, blogId: string, title: string) {
  const { id } = await createText(db, author, { publicationId: blogId, title });
  await saveText(db, author, { id, baseVersion: 1, title, lead: "En ingress.", slug: slugFromTitle(title), tags: [], coverMediaId: null, body: body("Första versionen.") });
  return textState(db, id);
}

export async function textState(db: Db, id: string) {
  const { item, current } = await loadText(db, id);
  return { id, item, revisionId: current.id, version: item.version, title: current.title, contentHash: current.contentHash };
}

export async function textStep(db: Db, id: string, actor: CurrentUser, action: WorkflowAction, extra: { comment?: string; scheduledAt?: string } = {}) {
  return transitionItem(db, actor, { id, action, revisionId: (await textState(db, id)).revisionId, ...extra });
}

/** A draft issue with `articles` ready articles, each sent for review by its writer, the redaktör. */
export async function draftIssue(db: Db, redaktor: CurrentUser, newsletterId: string, title: string, articles = 1) {
  const issue = await createIssue(db, redaktor, { publicationId: newsletterId, title });
  const itemIds: string[] = [];
  for (let n = 1; n <= articles; n++) {
    const heading = `${title}, artikel ${n}`;
    const { id } = await createText(db, redaktor, { publicationId: newsletterId, issueId: issue.id, title: heading });
    await saveText(db, redaktor, {
      id,
      baseVersion: 1,
      title: heading,
      lead: "En ingress.",
      slug: slugFromTitle(heading),
      tags: [],
      coverMediaId: null,
      body: body("Artikelns text."),
    });
    // Sent by its writer, as an article must be before its issue can go to review.
    await transitionItem(db, redaktor, { id, action: "submit" });
    itemIds.push(id);
  }
  return { id: issue.id, itemIds, ...(await issueState(db, issue.id)) };
}

export async function issueState(db: Db, id: string) {
  const [row] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, id));
  if (!row) throw new Error(`No issue ${id}`);
  return { row, version: row.version, contentHash: await currentIssueHash(db, row) };
}

export async function issueStep(db: Db, id: string, actor: CurrentUser, action: WorkflowAction) {
  return transitionIssue(db, actor, { id, action, contentHash: (await issueState(db, id)).contentHash });
}

/** "2026-12-01T08:00" in Stockholm, `days` ahead: what the scheduling form's datetime-local field sends. */
export function stockholmLocalIn(days: number): string {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(Date.now() + days * 86_400_000));
  const part = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}
