import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { choosePasswordAction } from "@/app/(auth)/logga-in/valj-losenord/actions";
import { deactivateUserAction, inviteUserAction, reactivateUserAction, resendInviteAction, updateUserAction } from "@/app/redaktion/anvandare/actions";
import { linkReviewAction, workflowAction } from "@/app/redaktion/arbetsflode/actions";
import { deleteImageAction, describeImageAction } from "@/app/redaktion/bilder/actions";
import { saveIdentityAction } from "@/app/redaktion/installningar/actions";
import { saveAccessibilityStatementAction } from "@/app/redaktion/installningar/tillganglighet/actions";
import {
  cancelEventAction,
  cancelOccurrenceAction,
  createEventAction,
  deleteEventAction,
  moveOccurrenceAction,
  reinstateEventAction,
  restoreOccurrenceAction,
  updateEventAction,
} from "@/app/redaktion/kalender/actions";
import { sendTestEditionAction } from "@/app/redaktion/nummer/[id]/e-post/actions";
import {
  addArticleAction,
  addExistingTextAction,
  createIssueAction,
  moveArticleAction,
  moveArticleToIssueAction,
  setPlacementAction,
  takeArticleOutAction,
  updateIssueAction,
} from "@/app/redaktion/nummer/actions";
import { deleteSubscriberAction, resumeSubscriberAction } from "@/app/redaktion/prenumeranter/actions";
import { archivePublicationAction, createPublicationAction, updatePublicationAction } from "@/app/redaktion/publikationer/actions";
import { createTextAction, deleteTextAction, overrideWarningAction, placeTextAction, restoreRevisionAction, setAuthorsAction } from "@/app/redaktion/texter/actions";
import { eventOccurrences, events, mailDeliveries, mailEditions, mailMessages, media, newsletterIssues, publications, revisions, subscribers, users } from "@/db/schema";
import { slugFromTitle } from "@/lib/content/slug";
import { seededDemo } from "@/db/testing/actors";
import { createTestDb, type TestDb } from "@/db/testing";
import { resendUnknownAction } from "@/lib/mail/send/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { inviteUser } from "@/lib/users/invite-user";
import { createApprovalToken } from "@/lib/workflow/approval-link";
import {
  attempt,
  draftIssue,
  issueState,
  issueStep,
  missingAttempts,
  outcomeOfResult,
  runAttempt,
  stockholmLocalIn,
  textState,
  textStep,
  writtenPost,
  type Attempt,
  type Outcome,
} from "../testing/refusal-suite";
import { ACTIONS, type ActionKey, type Caller } from "./surface";

// The actions' collaborators: who is logged in (next-auth), the process database, Next's cache and redirects.
const NOT_LOGGED_IN = "Du är inte inloggad. Logga in och försök igen.";
const state = vi.hoisted(() => ({ actor: null as CurrentUser | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => ({
  getUser: async () => state.actor,
  requireUser: async () => {
    if (!state.actor) throw new Error("requireUser without a session: a page, not an action");
    return state.actor;
  },
  requireActor: async () => {
    if (!state.actor) throw new AppError("UNAUTHENTICATED", NOT_LOGGED_IN);
    return state.actor;
  },
}));
vi.mock("@/db/client", () => ({ getDb: async () => state.db }));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
/** Next's redirect() ends the action by throwing; so does this one, so nothing after it runs. */
class Redirected extends Error {
  readonly digest = "NEXT_REDIRECT";
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (location: string) => {
    throw new Redirected(location);
  },
  notFound: () => {
    throw new Error("notFound() in an action");
  },
}));

let t: TestDb;
let demo: Awaited<ReturnType<typeof seededDemo>>;
const callers = {} as Record<Caller, CurrentUser | null>;
const setCaller = (caller: Caller) => {
  state.actor = callers[caller];
};

beforeAll(async () => {
  t = await createTestDb();
  state.db = t.db;
  demo = await seededDemo(t.db);
  Object.assign(callers, { resident: null, skribent: demo.skribent, redaktor: demo.redaktor, utgivare: demo.utgivare, admin: demo.admin });
});
afterAll(() => t.close());

/** The messages the subscriber actions put in their redirect, back as the codes they stand for. */
const CODE_OF_MESSAGE: Record<string, string> = { [NOT_LOGGED_IN]: "UNAUTHENTICATED", "Du får inte hantera prenumeranter.": "FORBIDDEN" };

/** Runs an action that answers with a redirect: `?fel=<message>` is a refusal, anything else success. */
async function redirectOutcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run();
    // An action that returns instead (createIssueAction, createTextAction on failure) answers with its result.
    return outcomeOfResult(result as Parameters<typeof outcomeOfResult>[0]);
  } catch (error) {
    if (!(error instanceof Redirected)) throw error;
    const failure = new URL(error.location, "http://x").searchParams.get("fel");
    if (failure === null) return { ok: true };
    return { ok: false, code: CODE_OF_MESSAGE[failure] ?? `MESSAGE: ${failure}` };
  }
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

const action = (key: ActionKey) => key;
const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";

// Workflow steps on texts. A skribent and a redaktör may only submit; the rest is the utgivare's.
const WORKFLOW = action("app/redaktion/arbetsflode/actions.ts#workflowAction");
const LINK = action("app/redaktion/arbetsflode/actions.ts#linkReviewAction");

const itemStep =
  (actionName: "submit" | "approve" | "request_changes" | "publish" | "schedule" | "unschedule" | "withdraw", extra: Record<string, string> = {}) =>
  async (post: { id: string }) =>
    outcomeOfResult(await workflowAction({ target: "item", id: post.id, action: actionName, revisionId: (await textState(t.db, post.id)).revisionId, ...extra }));

const inReview = async (title: string) => {
  const post = await writtenPost(t.db, demo.skribent, demo.blogId, title);
  await textStep(t.db, post.id, demo.skribent, "submit");
  return post;
};
const approved = async (title: string) => {
  const post = await inReview(title);
  await textStep(t.db, post.id, demo.utgivare, "approve");
  return post;
};

const workflowAttempts = [
  attempt({
    surface: WORKFLOW,
    what: "submit another writer's draft",
    fixture: () => writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens utkast att skicka"),
    call: itemStep("submit"),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "approve a text in review",
    fixture: () => inReview("Text som granskas, godkänn"),
    call: itemStep("approve"),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "request changes to a text in review",
    fixture: () => inReview("Text som granskas, begär ändringar"),
    call: itemStep("request_changes", { comment: "Förtydliga andra stycket." }),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "publish an approved post",
    fixture: () => approved("Godkänd text att publicera"),
    call: itemStep("publish"),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "schedule an approved post",
    fixture: () => approved("Godkänd text att schemalägga"),
    call: itemStep("schedule", { scheduledLocal: stockholmLocalIn(3) }),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "cancel a scheduled publication",
    fixture: async () => {
      const post = await approved("Schemalagd text att avbryta");
      await textStep(t.db, post.id, demo.utgivare, "schedule", { scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
      return post;
    },
    call: itemStep("unschedule"),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: WORKFLOW,
    what: "withdraw a published post (the skribent's own)",
    fixture: async () => {
      const post = await approved("Publicerad text att avpublicera");
      await textStep(t.db, post.id, demo.utgivare, "publish");
      return post;
    },
    call: itemStep("withdraw"),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  // Whole issues: submitting is the issue managers' (redaktör, utgivare), deciding the utgivare's.
  attempt({
    surface: WORKFLOW,
    what: "submit an issue",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att skicka"),
    call: async (issue) => outcomeOfResult(await workflowAction({ target: "issue", id: issue.id, action: "submit", contentHash: (await issueState(t.db, issue.id)).contentHash })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  ...(["approve", "request_changes", "publish"] as const).map((step) =>
    attempt({
      surface: WORKFLOW,
      what: `${step} an issue`,
      fixture: async () => {
        const issue = await draftIssue(t.db, demo.redaktor, demo.newsletterId, `Nummer, ${step}`);
        await issueStep(t.db, issue.id, demo.redaktor, "submit");
        if (step === "publish") await issueStep(t.db, issue.id, demo.utgivare, "approve");
        return issue;
      },
      call: async (issue: { id: string }) =>
        outcomeOfResult(
          await workflowAction({ target: "issue", id: issue.id, action: step, contentHash: (await issueState(t.db, issue.id)).contentHash, comment: "Se över ingressen." }),
        ),
      refused: { resident: U, skribent: F, redaktor: F, admin: F },
      control: { as: "utgivare" },
    }),
  ),
  attempt({
    surface: WORKFLOW,
    what: "withdraw a published issue",
    fixture: async () => {
      // The oldest published issue; the resend attempt takes the newest.
      const [issue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "published")).orderBy(asc(newsletterIssues.publishedAt)).limit(1);
      return issue!;
    },
    call: async (issue) =>
      outcomeOfResult(await workflowAction({ target: "issue", id: issue.id, action: "withdraw", contentHash: (await issueState(t.db, issue.id)).contentHash })),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
  attempt({
    surface: LINK,
    what: "approve through the utgivare's e-mail link",
    fixture: async () => {
      const post = await inReview("Text med godkännandelänk");
      const { token } = await createApprovalToken(t.db, {
        itemId: post.id,
        revisionId: post.revisionId,
        contentHash: (await textState(t.db, post.id)).contentHash,
        userId: demo.utgivare.id,
      });
      return { token };
    },
    call: async ({ token }) => outcomeOfResult(await linkReviewAction({ token, action: "approve" })),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
];

// Settings, issues, subscribers, texts and sending.
const statementForm = () =>
  form({
    scope: "Den här redogörelsen gäller webbplatsen.",
    conformance: "partial",
    shortcomings: "En brist.",
    disproportionateBurden: "",
    assessmentMethod: "Egen granskning.",
    assessedOn: "2026-01-15",
    contactEmail: "kommunen@exempelby.test",
    contactPhone: "0123-456 00",
    responseTime: "Fem arbetsdagar.",
  });

const demoDraftIssue = async () => {
  const [issue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "draft")).limit(1);
  return issue!;
};

const otherAttempts = [
  attempt({
    surface: action("app/redaktion/installningar/tillganglighet/actions.ts#saveAccessibilityStatementAction"),
    what: "save the accessibility statement",
    fixture: async () => null,
    call: async () => outcomeOfResult(await saveAccessibilityStatementAction(null, statementForm())),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/[id]/e-post/actions.ts#sendTestEditionAction"),
    what: "send a test edition of an issue",
    fixture: demoDraftIssue,
    call: async (issue) => outcomeOfResult(await sendTestEditionAction(null, form({ issueId: issue.id }))),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#createIssueAction"),
    what: "create an issue",
    fixture: async () => null,
    call: () => redirectOutcome(() => createIssueAction(null, form({ publicationId: demo.newsletterId, title: "Ett nytt nummer" }))),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#updateIssueAction"),
    what: "change an issue's number and theme",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att ändra"),
    call: async ({ id, row }) =>
      outcomeOfResult(
        await updateIssueAction(
          null,
          form({
            id,
            baseVersion: String(row.version),
            year: String(row.year),
            number: String(row.number),
            title: "Ett annat tema",
            calendarFrom: "",
            calendarTo: "",
            calendarNote: "",
          }),
        ),
      ),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#addArticleAction"),
    what: "add an article to an issue",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att fylla på", 0),
    call: async ({ id }) => outcomeOfResult(await addArticleAction(null, form({ issueId: id, publicationId: demo.newsletterId, title: "En ny artikel" }))),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#moveArticleAction"),
    what: "move an article up in its issue",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att ordna", 2),
    call: async ({ id, itemIds, version }) => outcomeOfResult(await moveArticleAction({ issueId: id, itemId: itemIds[1]!, baseVersion: version, direction: "up" })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#setPlacementAction"),
    what: "make an article the issue's column",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer med krönika", 2),
    call: async ({ id, itemIds, version }) => outcomeOfResult(await setPlacementAction({ issueId: id, itemId: itemIds[1]!, baseVersion: version, placement: "column" })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#takeArticleOutAction"),
    what: "take a draft article out of its issue",
    fixture: () => draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att ta ur", 2),
    call: async ({ id, itemIds }) => outcomeOfResult(await takeArticleOutAction({ issueId: id, itemId: itemIds[0]!, baseVersion: (await issueState(t.db, id)).version })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#moveArticleToIssueAction"),
    what: "move an article to another issue",
    fixture: async () => ({
      from: await draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att flytta från", 1),
      to: await draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att flytta till", 0),
    }),
    call: async ({ from, to }) =>
      outcomeOfResult(await moveArticleToIssueAction({ issueId: from.id, itemId: from.itemIds[0]!, toIssueId: to.id, baseVersion: (await issueState(t.db, from.id)).version })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/nummer/actions.ts#addExistingTextAction"),
    what: "add an existing post to an issue",
    fixture: async () => ({
      issue: await draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer att lägga befintlig text i", 0),
      post: await writtenPost(t.db, demo.skribent, demo.blogId, "Inlägg som blir artikel"),
    }),
    call: async ({ issue, post }) => outcomeOfResult(await addExistingTextAction({ issueId: issue.id, itemId: post.id, baseVersion: (await issueState(t.db, issue.id)).version })),
    refused: { resident: U, skribent: F, admin: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/prenumeranter/actions.ts#deleteSubscriberAction"),
    what: "erase a subscriber",
    fixture: async () => (await t.db.insert(subscribers).values({ email: "raderas@exempelby.test", confirmedAt: new Date() }).returning())[0]!,
    call: (person) => redirectOutcome(() => deleteSubscriberAction(form({ id: person.id }))),
    refused: { resident: U, skribent: F },
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/prenumeranter/actions.ts#resumeSubscriberAction"),
    what: "resume a paused subscriber",
    fixture: async () =>
      (await t.db.insert(subscribers).values({ email: "pausad@exempelby.test", confirmedAt: new Date(), pausedAt: new Date(), permanentFailures: 3 }).returning())[0]!,
    call: (person) => redirectOutcome(() => resumeSubscriberAction(form({ id: person.id, tillbaka: "/redaktion/prenumeranter?sok=p" }))),
    refused: { resident: U, skribent: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#createTextAction"),
    what: "create a blog post",
    fixture: async () => null,
    call: () => redirectOutcome(() => createTextAction(null, form({ plats: `${demo.blogId}:`, rubrik: "En ny text" }))),
    refused: { resident: U, admin: F },
    control: { as: "skribent" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#deleteTextAction"),
    what: "delete another writer's draft",
    fixture: () => writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens utkast att ta bort"),
    call: async (post) => outcomeOfResult(await deleteTextAction(post.id)),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#placeTextAction"),
    what: "move another writer's draft into an issue",
    fixture: async () => ({
      post: await writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens inlägg att flytta"),
      issue: await draftIssue(t.db, demo.redaktor, demo.newsletterId, "Nummer som tar emot en flyttad text", 0),
    }),
    call: async ({ post, issue }) => outcomeOfResult(await placeTextAction({ id: post.id, plats: `${demo.newsletterId}:${issue.id}` })),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#restoreRevisionAction"),
    what: "restore an old version of another writer's text",
    fixture: async () => {
      const post = await writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens text med historik");
      const [first] = await t.db
        .select()
        .from(revisions)
        .where(and(eq(revisions.itemId, post.id), eq(revisions.number, 1)));
      return { ...post, firstRevisionId: first!.id };
    },
    call: async (post) => outcomeOfResult(await restoreRevisionAction({ id: post.id, revisionId: post.firstRevisionId, baseVersion: post.version })),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#overrideWarningAction"),
    what: "keep a writing-help warning in another writer's text",
    fixture: () => writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens text med varning"),
    call: async (post) => outcomeOfResult(await overrideWarningAction({ id: post.id, key: "long-sentence:0", reason: "Meningen är ett citat och får vara lång." })),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/texter/actions.ts#setAuthorsAction"),
    what: "make oneself an author of another writer's text",
    fixture: () => writtenPost(t.db, demo.redaktor, demo.blogId, "Redaktörens text och författare"),
    call: async (post) =>
      outcomeOfResult(
        await setAuthorsAction({
          id: post.id,
          baseVersion: post.version,
          authors: [
            { userId: demo.redaktor.id, name: demo.redaktor.name, title: "Informatör" },
            { userId: demo.skribent.id, name: demo.skribent.name, title: "Planarkitekt" },
          ],
        }),
      ),
    refused: { resident: U, skribent: F, admin: F },
    othersText: true,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("lib/mail/send/actions.ts#resendUnknownAction"),
    what: "send again the deliveries of unknown outcome",
    fixture: async () => {
      const [issue] = await t.db.select().from(newsletterIssues).where(eq(newsletterIssues.status, "published")).orderBy(desc(newsletterIssues.publishedAt)).limit(1);
      const [edition] = await t.db
        .insert(mailEditions)
        .values({ issueId: issue!.id, publicationId: demo.newsletterId, subject: "Nummer", html: "<p>x</p>", text: "x" })
        .returning();
      const [person] = await t.db.select().from(subscribers).limit(1);
      await t.db.insert(mailDeliveries).values({ editionId: edition!.id, subscriberId: person!.id, status: "unknown" });
      return edition!;
    },
    call: async (edition) => outcomeOfResult(await resendUnknownAction(edition.id)),
    refused: { resident: U, skribent: F, redaktor: F, admin: F },
    control: { as: "utgivare" },
  }),
];

// Issue 14: the site's identity, the media library and the publications.
const identityForm = () =>
  form({ municipalityName: "Exempelby kommun", tagline: "", streetAddress: "", postalAddress: "", phone: "", email: "", webUrl: "", accentColor: "#1f4e79" });
const anImage = async (alt: string) => {
  const [row] = await t.db
    .insert(media)
    .values({ storageKey: `${crypto.randomUUID()}/original.jpg`, mimeType: "image/jpeg", width: 10, height: 10, bytes: 10, alt })
    .returning();
  return row!;
};
const publicationForm = (name: string, extra: Record<string, string> = {}) =>
  form({ kind: "blog", name, slug: "", description: "", responsiblePublisherId: "", editorId: "", editorLabel: "Redaktör", ...extra });
const aBlog = async (name: string) => {
  const [row] = await t.db
    .insert(publications)
    .values({ kind: "blog", slug: slugFromTitle(name), name })
    .returning();
  return row!;
};

const siteAttempts = [
  attempt({
    surface: action("app/redaktion/installningar/actions.ts#saveIdentityAction"),
    what: "change the municipality's name and colour",
    fixture: async () => null,
    call: async () => outcomeOfResult(await saveIdentityAction(null, identityForm())),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/bilder/actions.ts#describeImageAction"),
    what: "describe an image of the library",
    fixture: () => anImage("Före"),
    call: async (image) => outcomeOfResult(await describeImageAction(null, form({ id: image.id, alt: "Efter", caption: "", credit: "" }))),
    refused: { resident: U },
    control: { as: "skribent" },
  }),
  attempt({
    surface: action("app/redaktion/bilder/actions.ts#deleteImageAction"),
    what: "delete an unused image",
    fixture: () => anImage("Att ta bort"),
    call: async (image) => outcomeOfResult(await deleteImageAction(image.id)),
    refused: { resident: U },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/publikationer/actions.ts#createPublicationAction"),
    what: "create a blog",
    fixture: async () => null,
    call: () => redirectOutcome(() => createPublicationAction(null, publicationForm("Behörighetsbloggen"))),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/publikationer/actions.ts#updatePublicationAction"),
    what: "rename a blog",
    fixture: () => aBlog("Bloggen att byta namn på"),
    call: async (blog) => outcomeOfResult(await updatePublicationAction(null, publicationForm("Nytt namn", { id: blog.id, slug: blog.slug }))),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/publikationer/actions.ts#archivePublicationAction"),
    what: "archive a blog",
    fixture: () => aBlog("Bloggen att arkivera"),
    call: async (blog) => outcomeOfResult(await archivePublicationAction({ id: blog.id, archived: true })),
    refused: { resident: U, skribent: F, redaktor: F, utgivare: F },
    control: { as: "admin" },
  }),
];

// People and their accounts (issue 14): each admin action, as every role without users.manage.
const account = async (email: string, extra: { active?: boolean; invited?: boolean } = {}) =>
  (
    await t.db
      .insert(users)
      .values({ email, name: `Konto ${email.split("@")[0]}`, role: "skribent", active: extra.active ?? true, passwordHash: extra.invited ? null : "x" })
      .returning()
  )[0]!;
const NO_ADMIN = { resident: U, skribent: F, redaktor: F, utgivare: F } as const;

const userAttempts = [
  attempt({
    surface: action("app/redaktion/anvandare/actions.ts#inviteUserAction"),
    what: "invite a new colleague",
    fixture: async () => null,
    call: () => redirectOutcome(() => inviteUserAction(null, form({ name: "Nils Ny", email: "nils.ny@exempelby.test", jobTitle: "Bibliotekarie", role: "admin" }))),
    refused: NO_ADMIN,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/anvandare/actions.ts#updateUserAction"),
    what: "change a colleague's name and role",
    fixture: () => account("byter.roll@exempelby.test"),
    call: async (person) => outcomeOfResult(await updateUserAction(null, form({ id: person.id, name: "Ett nytt namn", jobTitle: "Rektor", role: "utgivare" }))),
    refused: NO_ADMIN,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/anvandare/actions.ts#deactivateUserAction"),
    what: "deactivate a colleague",
    fixture: () => account("inaktiveras@exempelby.test"),
    call: async (person) => outcomeOfResult(await deactivateUserAction({ id: person.id })),
    refused: NO_ADMIN,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/anvandare/actions.ts#reactivateUserAction"),
    what: "reactivate a colleague",
    fixture: () => account("aktiveras@exempelby.test", { active: false }),
    call: async (person) => outcomeOfResult(await reactivateUserAction({ id: person.id })),
    refused: NO_ADMIN,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/anvandare/actions.ts#resendInviteAction"),
    what: "send an invitation again",
    fixture: () => account("inbjuden.igen@exempelby.test", { invited: true }),
    call: async (person) => outcomeOfResult(await resendInviteAction({ id: person.id })),
    refused: NO_ADMIN,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/(auth)/logga-in/valj-losenord/actions.ts#choosePasswordAction"),
    what: "choose a password without the link's token",
    fixture: async () => {
      await inviteUser(t.db, demo.admin, { name: "Tova Token", email: "tova.token@exempelby.test", jobTitle: "", role: "skribent" });
      const [mail] = await t.db.select().from(mailMessages).where(eq(mailMessages.to, "tova.token@exempelby.test"));
      return mail!.text.match(/valj-losenord\/([A-Za-z0-9_-]{43})/)![1]!;
    },
    call: () => redirectOutcome(() => choosePasswordAction(null, form({ token: "A".repeat(43), password: "Blåbärsskogen i augusti", repeat: "Blåbärsskogen i augusti" }))),
    refused: { resident: "NOT_FOUND" },
    control: {
      as: "resident",
      call: (token) => redirectOutcome(() => choosePasswordAction(null, form({ token, password: "Blåbärsskogen i augusti", repeat: "Blåbärsskogen i augusti" }))),
    },
  }),
];

// The calendar: the redaktör, the utgivare and the admin keep it; a skribent may not.
const CALENDAR_REFUSED = { resident: U, skribent: F } as const;
const eventForm = (fields: Record<string, string> = {}) =>
  form({
    title: "Språkcafé",
    startsOn: "2040-03-06",
    startTime: "15:00",
    endsOn: "",
    endTime: "17:00",
    place: "Biblioteket",
    description: "",
    link: "",
    repeat: "weekly",
    repeatEnd: "count",
    repeatUntil: "",
    repeatCount: "6",
    publicationIds: demo.newsletterId,
    ...fields,
  });
const calendarEvent = async (values: Partial<typeof events.$inferInsert> = {}) =>
  (
    await t.db
      .insert(events)
      .values({ title: "Öppet hus", startsOn: "2040-03-06", startTime: "15:00", recurrence: "FREQ=WEEKLY;INTERVAL=1;COUNT=6", ...values })
      .returning()
  )[0]!;

const calendarAttempts = [
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#createEventAction"),
    what: "add an event to the calendar",
    fixture: async () => null,
    call: () => redirectOutcome(() => createEventAction(null, eventForm())),
    refused: CALENDAR_REFUSED,
    control: { as: "admin" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#updateEventAction"),
    what: "change an event",
    fixture: () => calendarEvent(),
    call: async (event) => outcomeOfResult(await updateEventAction(null, eventForm({ id: event.id, title: "Ändrad titel" }))),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#cancelEventAction"),
    what: "cancel an event",
    fixture: () => calendarEvent(),
    call: async (event) => outcomeOfResult(await cancelEventAction(event.id)),
    refused: CALENDAR_REFUSED,
    control: { as: "utgivare" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#reinstateEventAction"),
    what: "reinstate a cancelled event",
    fixture: () => calendarEvent({ cancelled: true }),
    call: async (event) => outcomeOfResult(await reinstateEventAction(event.id)),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#deleteEventAction"),
    what: "delete an event",
    fixture: () => calendarEvent(),
    call: async (event) => outcomeOfResult(await deleteEventAction(event.id)),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#cancelOccurrenceAction"),
    what: "cancel one occurrence of a recurring event",
    fixture: () => calendarEvent(),
    call: async (event) => outcomeOfResult(await cancelOccurrenceAction({ eventId: event.id, occursOn: "2040-03-13" })),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#moveOccurrenceAction"),
    what: "move one occurrence of a recurring event",
    fixture: () => calendarEvent(),
    call: async (event) => outcomeOfResult(await moveOccurrenceAction({ eventId: event.id, occursOn: "2040-03-13", startsOn: "2040-03-14", startTime: "16:00", endTime: "" })),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
  attempt({
    surface: action("app/redaktion/kalender/actions.ts#restoreOccurrenceAction"),
    what: "restore a cancelled occurrence",
    fixture: async () => {
      const event = await calendarEvent();
      await t.db.insert(eventOccurrences).values({ eventId: event.id, occursOn: "2040-03-20", cancelled: true });
      return event;
    },
    call: async (event) => outcomeOfResult(await restoreOccurrenceAction({ eventId: event.id, occursOn: "2040-03-20" })),
    refused: CALENDAR_REFUSED,
    control: { as: "redaktor" },
  }),
];

const ATTEMPTS: Attempt<unknown>[] = [...workflowAttempts, ...otherAttempts, ...calendarAttempts, ...siteAttempts, ...userAttempts];

describe("server actions refuse whoever may not use them, and write nothing", () => {
  it("has attempts for every guarded action and every caller it must refuse", () => {
    expect(missingAttempts(ACTIONS, ATTEMPTS)).toEqual([]);
  });

  for (const a of ATTEMPTS) {
    it(`${a.surface.split("#")[1]}: ${a.what}`, async () => {
      await runAttempt(t.db, a, setCaller);
    });
  }
});
