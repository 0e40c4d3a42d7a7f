import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { hasPermission, ROLES, type Role } from "../lib/permissions";
import { PAGES, refusedOnOthersTexts, type PageKey } from "../lib/permissions/surface";
import { storageStatePath } from "./demo-users";

/**
 * Every staff page, opened by someone who may not: a resident is sent to log in, a role without the
 * page's permission gets the Swedish 403 page with none of the page's content. The pages and their
 * guards come from lib/permissions/surface.ts, whose own test fails when a page is missing from it;
 * this file needs only a URL for each. Each refusal has a control: a role that may open the same URL
 * gets it.
 */

type Ids = { issue: string; outboxMessage: string; othersText: string; skribentsText: string; image: string; publication: string; user: string; event: string };

const BOGUS_TOKEN = "00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
const OTHERS_TEXT_TITLE = "Tankar inför budgetarbetet";

const URLS: Record<PageKey, (ids: Ids) => string> = {
  "app/redaktion/page.tsx": () => "/redaktion",
  "app/redaktion/[...saknas]/page.tsx": () => "/redaktion/finns-inte",
  "app/redaktion/anvandare/page.tsx": () => "/redaktion/anvandare",
  "app/redaktion/anvandare/[id]/page.tsx": (ids) => `/redaktion/anvandare/${ids.user}`,
  "app/redaktion/bilder/page.tsx": () => "/redaktion/bilder",
  "app/redaktion/bilder/[id]/page.tsx": (ids) => `/redaktion/bilder/${ids.image}`,
  "app/redaktion/granska/page.tsx": () => "/redaktion/granska",
  "app/redaktion/granska/lank/[token]/page.tsx": () => `/redaktion/granska/lank/${BOGUS_TOKEN}`,
  "app/redaktion/installningar/page.tsx": () => "/redaktion/installningar",
  "app/redaktion/installningar/tillganglighet/page.tsx": () => "/redaktion/installningar/tillganglighet",
  "app/redaktion/kalender/page.tsx": () => "/redaktion/kalender",
  "app/redaktion/kalender/ny/page.tsx": () => "/redaktion/kalender/ny",
  "app/redaktion/kalender/[id]/page.tsx": (ids) => `/redaktion/kalender/${ids.event}`,
  "app/redaktion/logg/page.tsx": () => "/redaktion/logg",
  "app/redaktion/nummer/page.tsx": () => "/redaktion/nummer",
  "app/redaktion/nummer/[id]/page.tsx": (ids) => `/redaktion/nummer/${ids.issue}`,
  "app/redaktion/nummer/[id]/e-post/page.tsx": (ids) => `/redaktion/nummer/${ids.issue}/e-post`,
  "app/redaktion/nummer/[id]/forhandsgranska/page.tsx": (ids) => `/redaktion/nummer/${ids.issue}/forhandsgranska`,
  "app/redaktion/prenumeranter/page.tsx": () => "/redaktion/prenumeranter",
  "app/redaktion/publikationer/page.tsx": () => "/redaktion/publikationer",
  "app/redaktion/publikationer/[id]/page.tsx": (ids) => `/redaktion/publikationer/${ids.publication}`,
  "app/redaktion/texter/page.tsx": () => "/redaktion/texter",
  "app/redaktion/texter/ny/page.tsx": () => "/redaktion/texter/ny",
  "app/redaktion/texter/[id]/page.tsx": (ids) => `/redaktion/texter/${ids.othersText}`,
  "app/redaktion/texter/[id]/forhandsgranska/page.tsx": (ids) => `/redaktion/texter/${ids.othersText}/forhandsgranska`,
  "app/redaktion/texter/[id]/granska/page.tsx": (ids) => `/redaktion/texter/${ids.othersText}/granska`,
  "app/redaktion/utkorg/page.tsx": () => "/redaktion/utkorg",
  "app/redaktion/utkorg/[id]/page.tsx": (ids) => `/redaktion/utkorg/${ids.outboxMessage}`,
};

/** What a page that refuses by explaining says (its "message" refusal). */
const REFUSAL_MESSAGES: Partial<Record<PageKey, string>> = {
  "app/redaktion/granska/lank/[token]/page.tsx": "Länken fungerar inte",
};
/** The heading of the 403 page (components/errors/forbidden-message.tsx). */
const FORBIDDEN_HEADING = "Du har inte behörighet till den här sidan";

const PAGE_KEYS = Object.keys(PAGES) as PageKey[];

/** The roles that may not open a page, and a role that may (the control). */
function rolesFor(key: PageKey): { refused: Role[]; control: Role | null } {
  const guard = PAGES[key];
  if (guard.kind !== "permission") return { refused: [], control: null };
  const refused = [...ROLES.filter((role) => !hasPermission(role, guard.permission)), ...refusedOnOthersTexts(guard)];
  // For a text of someone else's, the control must be a role that edits any text.
  const control = ROLES.find((role) => !refused.includes(role)) ?? null;
  return { refused, control };
}

async function staffPage(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role) });
  return context.newPage();
}

const idIn = (href: string | null, pattern: RegExp) => {
  const id = pattern.exec(href ?? "")?.[1];
  if (!id) throw new Error(`No id in ${href}`);
  return id;
};
const UUID = "([0-9a-f-]{36})";

// One worker, in order: the ids are collected once. Each test opens many pages, hence the longer timeout.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let ids: Ids;
/** The first-level heading each page shows to a role that may open it: what a refusal must not show. */
const headings = new Map<PageKey, string>();

test.beforeAll(async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  // One message in the outbox: a resident's subscription request queues its confirmation e-mail.
  const subscribed = await request.post("/prenumerera/skicka", {
    form: { email: `behorighet-${Date.now()}@exempelby.test`, standard: "nyhetsbrev" },
    headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
    maxRedirects: 0,
  });
  expect(subscribed.status()).toBe(303);
  expect(subscribed.headers().location).toBe("/prenumerera/tack");

  const redaktor = await staffPage(browser, "redaktor");
  await redaktor.goto("/redaktion/nummer");
  const issue = idIn(await redaktor.locator('main a[href^="/redaktion/nummer/"]').first().getAttribute("href"), new RegExp(`/redaktion/nummer/${UUID}`));
  await redaktor.goto("/redaktion/kalender");
  const event = idIn(await redaktor.locator('main a[href^="/redaktion/kalender/"]:not([href$="/ny"])').first().getAttribute("href"), new RegExp(`/redaktion/kalender/${UUID}`));
  await redaktor.goto("/redaktion/utkorg");
  const outboxMessage = idIn(await redaktor.locator('main a[href^="/redaktion/utkorg/"]').first().getAttribute("href"), new RegExp(`/redaktion/utkorg/${UUID}`));
  await redaktor.context().close();

  const utgivare = await staffPage(browser, "utgivare");
  await utgivare.goto("/redaktion/texter");
  const othersText = idIn(await utgivare.getByRole("link", { name: OTHERS_TEXT_TITLE }).first().getAttribute("href"), new RegExp(`/redaktion/texter/${UUID}`));
  await utgivare.context().close();

  const skribent = await staffPage(browser, "skribent");
  await skribent.goto("/redaktion/texter");
  const skribentsText = idIn(
    await skribent
      .getByRole("link", { name: /Ny detaljplan/ })
      .first()
      .getAttribute("href"),
    new RegExp(`/redaktion/texter/${UUID}`),
  );
  // One image in the library (the demo has none): uploaded as the editor's image dialog does.
  const uploaded = await skribent.request.post("/api/media", {
    multipart: {
      file: {
        name: "torget.jpg",
        mimeType: "image/jpeg",
        buffer: await sharp({ create: { width: 60, height: 40, channels: 3, background: "#557799" } })
          .jpeg()
          .toBuffer(),
      },
      alt: "Torget i behörighetsprovet",
    },
    headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
  });
  expect(uploaded.status()).toBe(201);
  const image = ((await uploaded.json()) as { id: string }).id;
  await skribent.context().close();

  const admin = await staffPage(browser, "admin");
  await admin.goto("/redaktion/publikationer");
  const publication = idIn(await admin.locator('main a[href^="/redaktion/publikationer/"]').first().getAttribute("href"), new RegExp(`/redaktion/publikationer/${UUID}`));
  await admin.goto("/redaktion/anvandare");
  const user = idIn(await admin.locator('main a[href^="/redaktion/anvandare/"]').first().getAttribute("href"), new RegExp(`/redaktion/anvandare/${UUID}`));
  await admin.context().close();

  ids = { issue, outboxMessage, othersText, skribentsText, image, publication, user, event };
});

test("the suite has a URL for every staff page in the inventory", () => {
  expect(Object.keys(URLS).sort()).toEqual([...PAGE_KEYS].sort());
});

test("@resident is sent to log in from every staff page, and shown none of it", async ({ page }) => {
  for (const key of PAGE_KEYS) {
    const url = URLS[key](ids);
    await page.goto(url);
    await expect(page, key).toHaveURL(`/logga-in?till=${encodeURIComponent(url)}`);
    await expect(page.getByRole("heading", { level: 1, name: "Logga in" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Redaktionen" })).toHaveCount(0);
  }
});

test("a role that may open a page gets it: the controls for the refusals below", async ({ browser }) => {
  for (const key of PAGE_KEYS) {
    const { control } = rolesFor(key);
    if (!control) continue;
    const page = await staffPage(browser, control);
    const response = await page.goto(URLS[key](ids));
    // The catch-all is the staff area's 404: a role may "open" it, and what it gets is the 404.
    expect(response?.status(), `${key} as ${control}`).toBe(key === "app/redaktion/[...saknas]/page.tsx" ? 404 : 200);
    const heading = (await page.getByRole("main").getByRole("heading", { level: 1 }).first().textContent())?.trim();
    expect(heading, `${key} as ${control} has a heading`).toBeTruthy();
    headings.set(key, heading!);
    await page.context().close();
  }
  // The texts' pages are about that text: its title is the content a refusal must not show.
  expect(headings.get("app/redaktion/texter/[id]/forhandsgranska/page.tsx")).toContain(OTHERS_TEXT_TITLE);
});

for (const role of ROLES) {
  test(`@${role} is refused every staff page reserved to other roles, and shown none of it`, async ({ browser }) => {
    const page = await staffPage(browser, role);
    const refusedHere = PAGE_KEYS.filter((key) => rolesFor(key).refused.includes(role) || PAGES[key].kind === "token");
    for (const key of refusedHere) {
      const url = URLS[key](ids);
      const response = await page.goto(url);
      const status = response?.status();
      if (PAGES[key].refusal === "message") {
        expect(status, `${key} as ${role}`).toBe(200);
        await expect(page.getByRole("main"), `${key} as ${role}`).toContainText(REFUSAL_MESSAGES[key]!);
      } else {
        expect(status, `${key} as ${role}`).toBe(403);
        await expect(page.getByRole("main").getByRole("heading", { level: 1, name: FORBIDDEN_HEADING }), `${key} as ${role}`).toBeVisible();
      }
      // Still where it asked to be: a refusal, not a redirect somewhere that might show the content.
      expect(new URL(page.url()).pathname, `${key} as ${role}`).toBe(url.split("?")[0]);
      const heading = headings.get(key);
      if (heading) await expect(page.getByRole("main").getByRole("heading", { level: 1, name: heading, exact: true }), `${key} as ${role}`).toHaveCount(0);
      // The whole document, the editor's fields and the RSC payload included, not only the visible text.
      if (url.includes(ids.othersText)) expect(await page.content(), `${key} as ${role}`).not.toContain(OTHERS_TEXT_TITLE);
    }
    await page.context().close();
  });
}

test("@skribent opens their own text's pages: the refusals above are about whose text it is", async ({ browser }) => {
  const page = await staffPage(browser, "skribent");
  for (const suffix of ["", "/forhandsgranska", "/granska"]) {
    const response = await page.goto(`/redaktion/texter/${ids.skribentsText}${suffix}`);
    expect(response?.status(), suffix || "editor").toBe(200);
    // The same check the refusals make, the other way round: the editor holds the title in a field.
    expect(await page.content(), suffix || "editor").toContain("Ny detaljplan för Norrbäckens strand");
  }
  await page.context().close();
});
