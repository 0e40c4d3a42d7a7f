"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { toResult } from "@/lib/actions/result";
import { requireActor } from "@/lib/auth/session";
import { createText } from "@/lib/editorial/create-text";
import { AppError, type ActionResult, parseInput } from "@/lib/errors";
import { placeText } from "@/lib/issues/place-text";
import { moveArticle, setPlacement } from "@/lib/issues/arrange";
import { createIssue, updateIssue } from "@/lib/issues/issues";
import { can } from "@/lib/permissions";

/** Checked here as well as in the services: an action never relies on a page having hidden a button. */
async function requireManager() {
  const actor = await requireActor();
  if (!can(actor, "issue.manage")) throw new AppError("FORBIDDEN", "Du får inte sätta ihop nummer.");
  return actor;
}

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

function refresh(issueId?: string) {
  revalidatePath("/redaktion/nummer");
  if (issueId) revalidatePath(`/redaktion/nummer/${issueId}`);
}

export type IssueFormState = ActionResult<{ version: number }> | null;
export type CreateIssueState = ActionResult<{ id: string }> | null;
export type AddArticleState = ActionResult<{ id: string; title: string }> | null;

export async function createIssueAction(_previous: CreateIssueState, formData: FormData): Promise<CreateIssueState> {
  const result = await toResult(async () => {
    const actor = await requireManager();
    return createIssue(await getDb(), actor, { publicationId: field(formData, "publicationId"), title: field(formData, "title") });
  });
  if (!result.ok) return result;
  refresh();
  redirect(`/redaktion/nummer/${result.data.id}`);
}

export async function updateIssueAction(_previous: IssueFormState, formData: FormData): Promise<IssueFormState> {
  const id = field(formData, "id");
  const result = await toResult(async () => {
    const actor = await requireManager();
    return updateIssue(await getDb(), actor, {
      id,
      baseVersion: field(formData, "baseVersion"),
      year: field(formData, "year"),
      number: field(formData, "number"),
      title: field(formData, "title"),
      calendarFrom: field(formData, "calendarFrom"),
      calendarTo: field(formData, "calendarTo"),
      calendarNote: field(formData, "calendarNote"),
    });
  });
  if (result.ok) refresh(id);
  return result;
}

export async function addArticleAction(_previous: AddArticleState, formData: FormData): Promise<AddArticleState> {
  const issueId = field(formData, "issueId");
  const title = field(formData, "title").trim();
  const result = await toResult(async () => {
    const actor = await requireManager();
    if (!title) throw new AppError("INVALID_INPUT", "Skriv en rubrik.", { title: ["Skriv en rubrik."] });
    const { id } = await createText(await getDb(), actor, { publicationId: field(formData, "publicationId"), issueId, title });
    return { id, title };
  });
  if (result.ok) refresh(issueId);
  return result;
}

const arrangeSchema = z.object({ issueId: z.uuid(), itemId: z.uuid(), baseVersion: z.number().int().min(1) });
const moveSchema = arrangeSchema.extend({ direction: z.enum(["up", "down"]) });
const placementSchema = arrangeSchema.extend({ placement: z.enum(["column", "article"]) });

const RELOAD = { message: "Ogiltig begäran. Ladda om sidan och försök igen." };

export async function moveArticleAction(input: z.input<typeof moveSchema>) {
  const result = await toResult(async () => moveArticle(await getDb(), await requireManager(), parseInput(moveSchema, input, RELOAD)));
  if (result.ok) refresh(input.issueId);
  return result;
}

export async function setPlacementAction(input: z.input<typeof placementSchema>) {
  const result = await toResult(async () => setPlacement(await getDb(), await requireManager(), parseInput(placementSchema, input, RELOAD)));
  if (result.ok) refresh(input.issueId);
  return result;
}

const takeOutSchema = arrangeSchema;
const moveToIssueSchema = arrangeSchema.extend({ toIssueId: z.uuid("Välj ett nummer.") });

/** "Ta ur numret": the text is kept, as an article of the same newsletter without an issue. */
export async function takeArticleOutAction(input: z.input<typeof takeOutSchema>) {
  const result = await toResult(async () => {
    const actor = await requireManager();
    const { issueId, itemId, baseVersion } = parseInput(takeOutSchema, input, RELOAD);
    return placeText(await getDb(), actor, { id: itemId, to: { kind: "out" }, seen: { issueId, version: baseVersion } });
  });
  if (result.ok) refresh(input.issueId);
  return result;
}

/** "Flytta till nummer …": into another issue of the same newsletter. */
export async function moveArticleToIssueAction(input: z.input<typeof moveToIssueSchema>) {
  const result = await toResult(async () => {
    const actor = await requireManager();
    const { issueId, itemId, baseVersion, toIssueId } = parseInput(moveToIssueSchema, input, RELOAD);
    return placeText(await getDb(), actor, { id: itemId, to: { kind: "issue", issueId: toIssueId }, seen: { issueId, version: baseVersion } });
  });
  if (result.ok) {
    refresh(input.issueId);
    refresh(input.toIssueId);
  }
  return result;
}

/** "Lägg till befintlig text": an unplaced article or an unpublished post joins this issue, last. */
export async function addExistingTextAction(input: z.input<typeof arrangeSchema>) {
  const result = await toResult(async () => {
    const actor = await requireManager();
    const { issueId, itemId, baseVersion } = parseInput(arrangeSchema, input, RELOAD);
    return placeText(await getDb(), actor, { id: itemId, to: { kind: "issue", issueId }, seen: { issueId, version: baseVersion } });
  });
  if (result.ok) refresh(input.issueId);
  return result;
}
