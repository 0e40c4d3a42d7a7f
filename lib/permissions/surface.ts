// Relative imports only: the Playwright permission suite (e2e/permissions.spec.ts) reads this table too.
import { ROLES, hasPermission, type Permission, type Role } from "./index";

/**
 * Everything a request can reach in the staff area and the API, and what guards it: the table the
 * permission suite works from. surface.test.ts fails when a server action, a route handler's method
 * or a /redaktion page exists that is not listed here, so a new one cannot go untested by omission.
 *
 * - `permission`: the role must have it; `ownText` adds that a role holding only the ".own" variant
 *   may use it on its own texts only (the suite then also tries another writer's text).
 * - `public`: meant for anyone, residents included; `why` says so.
 * - `token` / `signature`: anyone may call it, and a valid link token or server signature is the proof.
 */
export type Guard =
  | { kind: "permission"; permission: Permission; ownText?: true; note?: string }
  | { kind: "public"; why: string }
  | { kind: "token"; why: string }
  | { kind: "signature"; why: string };

const permission = (p: Permission, extra: { ownText?: true; note?: string } = {}): Guard => ({ kind: "permission", permission: p, ...extra });
const ownText = (p: Permission): Guard => permission(p, { ownText: true });
const open = (why: string): Guard => ({ kind: "public", why });

/** Server actions, as "<file>#<exported function>". */
export const ACTIONS = {
  "app/(auth)/logga-in/actions.ts#logInAction": open("Logging in is for anyone; rate limits and the password are its guard."),
  "app/(auth)/logga-in/glomt-losenord/actions.ts#requestPasswordResetAction": open(
    '"Glömt lösenordet?" is for anyone: the same answer for every address, rate-limited, and the link goes only to the account\'s own e-mail.',
  ),
  "app/(auth)/logga-in/valj-losenord/actions.ts#choosePasswordAction": { kind: "token", why: "The one-time invitation or reset link from the e-mail names the account." },
  "app/redaktion/actions.ts#logOutAction": open("Ends the caller's own session, whoever they are."),
  "app/redaktion/anvandare/actions.ts#inviteUserAction": permission("users.manage"),
  "app/redaktion/anvandare/actions.ts#updateUserAction": permission("users.manage"),
  "app/redaktion/anvandare/actions.ts#deactivateUserAction": permission("users.manage"),
  "app/redaktion/anvandare/actions.ts#reactivateUserAction": permission("users.manage"),
  "app/redaktion/anvandare/actions.ts#resendInviteAction": permission("users.manage"),
  "app/redaktion/arbetsflode/actions.ts#workflowAction": permission("content.submit", { note: "each step has its own permission in lib/workflow/transitions" }),
  "app/redaktion/arbetsflode/actions.ts#linkReviewAction": permission("content.approve", { note: "and the link must be addressed to the caller" }),
  "app/redaktion/bilder/actions.ts#describeImageAction": permission("media.manage"),
  "app/redaktion/bilder/actions.ts#deleteImageAction": permission("media.manage", { note: "and only an image no text and not the logo uses (lib/media/library)" }),
  "app/redaktion/installningar/actions.ts#saveIdentityAction": permission("settings.manage"),
  "app/redaktion/installningar/tillganglighet/actions.ts#saveAccessibilityStatementAction": permission("settings.manage"),
  "app/redaktion/kalender/actions.ts#createEventAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#updateEventAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#cancelEventAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#reinstateEventAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#deleteEventAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#cancelOccurrenceAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#moveOccurrenceAction": permission("calendar.manage"),
  "app/redaktion/kalender/actions.ts#restoreOccurrenceAction": permission("calendar.manage"),
  "app/redaktion/nummer/[id]/e-post/actions.ts#sendTestEditionAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#createIssueAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#updateIssueAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#addArticleAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#moveArticleAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#setPlacementAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#takeArticleOutAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#moveArticleToIssueAction": permission("issue.manage"),
  "app/redaktion/nummer/actions.ts#addExistingTextAction": permission("issue.manage"),
  "app/redaktion/prenumeranter/actions.ts#deleteSubscriberAction": permission("subscribers.manage"),
  "app/redaktion/publikationer/actions.ts#createPublicationAction": permission("publications.manage"),
  "app/redaktion/publikationer/actions.ts#updatePublicationAction": permission("publications.manage"),
  "app/redaktion/publikationer/actions.ts#archivePublicationAction": permission("publications.manage"),
  "app/redaktion/prenumeranter/actions.ts#resumeSubscriberAction": permission("subscribers.manage"),
  "app/redaktion/texter/actions.ts#createTextAction": permission("content.create"),
  "app/redaktion/texter/actions.ts#deleteTextAction": ownText("content.delete.own"),
  "app/redaktion/texter/actions.ts#placeTextAction": permission("content.edit.own", {
    ownText: true,
    note: "and an issue past the writers' stage needs issue.manage (lib/editorial/placement)",
  }),
  "app/redaktion/texter/actions.ts#restoreRevisionAction": ownText("content.edit.own"),
  "app/redaktion/texter/actions.ts#overrideWarningAction": ownText("content.edit.own"),
  "app/redaktion/texter/actions.ts#setAuthorsAction": ownText("content.edit.own"),
  "lib/mail/send/actions.ts#resendUnknownAction": permission("content.publish"),
} as const satisfies Record<string, Guard>;

/** Route handlers, as "<file>#<HTTP method>". */
export const ROUTES = {
  "app/(public)/blogg/[blog]/feed.xml/route.ts#GET": open("A blog's RSS feed of published posts."),
  "app/(public)/nyhetsbrev/feed.xml/route.ts#GET": open("The newsletter's RSS feed of published issues."),
  "app/(public)/prenumerera/avsluta/[token]/route.ts#GET": open("Only redirects to the unsubscribe page."),
  "app/(public)/prenumerera/avsluta/[token]/route.ts#POST": { kind: "token", why: "The signed unsubscribe token names the subscriber." },
  "app/(public)/prenumerera/bekrafta/route.ts#POST": { kind: "token", why: "The confirmation token from the e-mail." },
  "app/(public)/prenumerera/skicka/route.ts#POST": open("The subscribe form: anyone may ask, the e-mail confirms."),
  "app/api/auth/[...nextauth]/route.ts#GET": open("Auth.js: session and CSRF endpoints."),
  "app/api/auth/[...nextauth]/route.ts#POST": open("Auth.js: log-in and log-out."),
  "app/api/health/route.ts#GET": open("For load balancers and monitoring: up or not, and why, with no data."),
  "app/api/installningar/logotyp/route.ts#POST": permission("settings.manage"),
  "app/api/installningar/logotyp/route.ts#DELETE": permission("settings.manage"),
  "app/api/internt/revalidera/route.ts#POST": { kind: "signature", why: "The scheduler's request, signed with the server's secret." },
  "app/api/internt/sakerhetskopia/route.ts#POST": { kind: "signature", why: "The whole database, for npm run backup: signed with the server's secret, fresh, and never replayed." },
  "app/api/media/route.ts#GET": permission("media.upload"),
  "app/api/media/route.ts#POST": permission("media.upload"),
  "app/api/texter/[id]/kommentarer/[commentId]/route.ts#PATCH": ownText("content.edit.own"),
  "app/api/texter/[id]/kommentarer/route.ts#GET": ownText("content.edit.own"),
  "app/api/texter/[id]/kommentarer/route.ts#POST": ownText("content.edit.own"),
  "app/api/texter/[id]/route.ts#PUT": ownText("content.edit.own"),
  "app/api/texter/[id]/versioner/route.ts#GET": ownText("content.edit.own"),
  "app/api/utskick/[editionId]/route.ts#GET": permission("subscribers.manage"),
  "app/feed.xml/route.ts#GET": open("The site's RSS feed of published texts."),
  "app/ikon/[file]/route.ts#GET": open("The favicon made from the site's logo, which every reader page shows anyway."),
  "app/kalender.ics/route.ts#GET": open("The public calendar."),
  "app/media/[id]/[file]/route.ts#GET": open("Uploaded images: published texts show them to residents; the random id is the only key."),
  "app/redaktion/prenumeranter/export/route.ts#GET": permission("subscribers.manage"),
  "app/redaktion/prenumeranter/import/route.ts#POST": permission("subscribers.manage"),
  "app/sitemap.xml/route.ts#GET": open("The sitemap index of published pages."),
  "app/sitemaps/[file]/route.ts#GET": open("One sitemap file of published pages."),
} as const satisfies Record<string, Guard>;

/**
 * Staff pages. Every one sends a visitor without a session to /logga-in. `refusal` is what a
 * logged-in role without the permission gets: "forbidden", the Swedish 403 page (lib/auth/refuse)
 * with none of the page's content; "message", the page's own explanation.
 */
export type PageGuard = Guard & { refusal: "forbidden" | "message" };

export const PAGES = {
  "app/redaktion/page.tsx": { ...permission("staff.access"), refusal: "forbidden" },
  "app/redaktion/[...saknas]/page.tsx": {
    ...permission("staff.access", { note: "an address no staff page has: the staff layout's 404 (status 404 for every role)" }),
    refusal: "forbidden",
  },
  "app/redaktion/anvandare/page.tsx": { ...permission("users.manage"), refusal: "forbidden" },
  "app/redaktion/anvandare/[id]/page.tsx": { ...permission("users.manage"), refusal: "forbidden" },
  "app/redaktion/bilder/page.tsx": { ...permission("media.manage"), refusal: "forbidden" },
  "app/redaktion/bilder/[id]/page.tsx": { ...permission("media.manage"), refusal: "forbidden" },
  "app/redaktion/granska/page.tsx": { ...permission("content.approve"), refusal: "forbidden" },
  "app/redaktion/granska/lank/[token]/page.tsx": { kind: "token", why: "The link works only for the utgivare it was mailed to.", refusal: "message" },
  "app/redaktion/installningar/page.tsx": { ...permission("settings.manage"), refusal: "forbidden" },
  "app/redaktion/installningar/tillganglighet/page.tsx": { ...permission("settings.manage"), refusal: "forbidden" },
  "app/redaktion/kalender/page.tsx": { ...permission("calendar.manage"), refusal: "forbidden" },
  "app/redaktion/kalender/ny/page.tsx": { ...permission("calendar.manage"), refusal: "forbidden" },
  "app/redaktion/kalender/[id]/page.tsx": { ...permission("calendar.manage"), refusal: "forbidden" },
  "app/redaktion/logg/page.tsx": { ...permission("audit.read"), refusal: "forbidden" },
  "app/redaktion/nummer/page.tsx": { ...permission("issue.manage"), refusal: "forbidden" },
  "app/redaktion/nummer/[id]/page.tsx": { ...permission("issue.manage"), refusal: "forbidden" },
  "app/redaktion/nummer/[id]/e-post/page.tsx": { ...permission("issue.manage"), refusal: "forbidden" },
  "app/redaktion/nummer/[id]/forhandsgranska/page.tsx": { ...permission("issue.manage"), refusal: "forbidden" },
  "app/redaktion/prenumeranter/page.tsx": { ...permission("subscribers.manage"), refusal: "forbidden" },
  "app/redaktion/publikationer/page.tsx": { ...permission("publications.manage"), refusal: "forbidden" },
  "app/redaktion/publikationer/[id]/page.tsx": { ...permission("publications.manage"), refusal: "forbidden" },
  "app/redaktion/texter/page.tsx": { ...permission("staff.access", { note: "a skribent sees only their own texts" }), refusal: "forbidden" },
  "app/redaktion/texter/ny/page.tsx": { ...permission("content.create"), refusal: "forbidden" },
  "app/redaktion/texter/[id]/page.tsx": { ...ownText("content.edit.own"), refusal: "forbidden" },
  "app/redaktion/texter/[id]/forhandsgranska/page.tsx": { ...ownText("content.edit.own"), refusal: "forbidden" },
  "app/redaktion/texter/[id]/granska/page.tsx": { ...ownText("content.edit.own"), refusal: "forbidden" },
  "app/redaktion/utkorg/page.tsx": { ...permission("outbox.read"), refusal: "forbidden" },
  "app/redaktion/utkorg/[id]/page.tsx": { ...permission("outbox.read"), refusal: "forbidden" },
} as const satisfies Record<string, PageGuard>;

export type ActionKey = keyof typeof ACTIONS;
export type RouteKey = keyof typeof ROUTES;
export type PageKey = keyof typeof PAGES;

/** Who calls: a resident (no session) or a logged-in role. */
export type Caller = "resident" | Role;
export const CALLERS: readonly Caller[] = ["resident", ...ROLES];

/**
 * The callers a guard must refuse outright: a resident always, and every role without the
 * permission. For `ownText` guards, the roles holding only the ".own" variant are refused on other
 * people's texts; those are listed by `refusedOnOthersTexts`.
 */
export function mustRefuse(guard: Guard): Caller[] {
  if (guard.kind !== "permission") return [];
  return ["resident", ...ROLES.filter((role) => !hasPermission(role, guard.permission))];
}

export function refusedOnOthersTexts(guard: Guard): Role[] {
  if (guard.kind !== "permission" || !guard.ownText) return [];
  const any = guard.permission === "content.delete.own" ? "content.delete.any" : "content.edit.any";
  return ROLES.filter((role) => hasPermission(role, guard.permission) && !hasPermission(role, any));
}
