import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, ROLE_USERS, type DemoRole } from "./demo-users";
import { LoginPage } from "./pages/login-page";

/**
 * What a person sees when the way is shut: a Swedish page with the right status, inside the staff
 * layout under /redaktion, and never one of Next's English fallbacks. (The error boundaries have no
 * page that fails on demand; components/errors/error-pages.test.tsx renders them.)
 */

const OTHERS_TEXT_TITLE = "Tankar inför budgetarbetet";
const FORBIDDEN_HEADING = "Du har inte behörighet till den här sidan";
/** Next's built-in pages and production error text. */
const ENGLISH = /This page couldn.t load|could not be found|Application error|server-side exception|Something went wrong|Forbidden|Try again|Go back/;

/**
 * A fresh log-in rather than the saved states of auth.setup: those files are shared by every
 * Playwright run in the checkout, and a run against another server may have replaced them.
 */
async function as(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.logIn(ROLE_USERS[role].email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/redaktion$/);
  return page;
}

async function expectNoEnglish(page: Page) {
  await expect(page.locator("body")).not.toContainText(ENGLISH);
}

let othersText: string;

test.beforeAll(async ({ browser }) => {
  const utgivare = await as(browser, "utgivare");
  await utgivare.goto("/redaktion/texter");
  const href = await utgivare.getByRole("link", { name: OTHERS_TEXT_TITLE }).first().getAttribute("href");
  othersText = /\/redaktion\/texter\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;
  await utgivare.context().close();
});

test("a skribent opening another writer's text gets the Swedish 403 page in the staff layout", async ({ browser }) => {
  test.slow();
  const page = await as(browser, "skribent");
  for (const suffix of ["", "/forhandsgranska", "/granska"]) {
    const url = `/redaktion/texter/${othersText}${suffix}`;
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(FORBIDDEN_HEADING);
    await expect(page.getByRole("link", { name: "Till översikten" })).toHaveAttribute("href", "/redaktion");
    // The staff layout stays: the menu and the way to log out.
    await expect(page.getByRole("navigation", { name: "Redaktionen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expect(page.getByText(OTHERS_TEXT_TITLE)).toHaveCount(0);
    await expectNoEnglish(page);
  }
  await page.context().close();
});

test("pages reserved to other roles answer 403 in Swedish too", async ({ browser }) => {
  test.slow();
  const skribent = await as(browser, "skribent");
  for (const url of ["/redaktion/installningar/tillganglighet", "/redaktion/logg", "/redaktion/nummer", "/redaktion/granska"]) {
    const response = await skribent.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(skribent.getByRole("main").getByRole("heading", { level: 1 }), url).toHaveText(FORBIDDEN_HEADING);
    await expectNoEnglish(skribent);
  }
  await skribent.context().close();

  const admin = await as(browser, "admin");
  const response = await admin.goto("/redaktion/texter/ny");
  expect(response?.status()).toBe(403);
  await expect(admin.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(FORBIDDEN_HEADING);
  await expectNoEnglish(admin);
  await admin.context().close();
});

test("a text that does not exist is a Swedish 404, not a refusal or an error", async ({ browser }) => {
  const page = await as(browser, "skribent");
  for (const id of ["00000000-0000-4000-8000-000000000000", "inte-ett-id"]) {
    const response = await page.goto(`/redaktion/texter/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Sidan finns inte" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Redaktionen" })).toBeVisible();
    await expectNoEnglish(page);
  }
  await page.context().close();
});

test("a redaktör opening an address the staff area does not have gets a Swedish 404 in the staff layout", async ({ browser }) => {
  const page = await as(browser, "redaktor");
  for (const url of ["/redaktion/finns-inte", "/redaktion/texter/ny/finns-inte/heller", "/redaktion/nummer/00000000-0000-4000-8000-000000000000"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 }), url).toHaveText("Sidan finns inte");
    await expect(page.getByRole("main").getByRole("link", { name: "Till översikten" })).toHaveAttribute("href", "/redaktion");
    // The staff layout stays: its menu and the way to log out, not the reader site's header.
    await expect(page.getByRole("navigation", { name: "Redaktionen" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Logga ut" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Huvudmeny" })).toHaveCount(0);
    await expectNoEnglish(page);
  }
  await page.context().close();
});

test("a resident opening an unknown staff address is asked to log in, not told what exists", async ({ page }) => {
  await page.goto("/redaktion/finns-inte");
  await expect(page).toHaveURL(`/logga-in?till=${encodeURIComponent("/redaktion/finns-inte")}`);
});
