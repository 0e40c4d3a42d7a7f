import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test.use({ storageState: storageStatePath("redaktor") });

/** Creates the next issue and returns its page address and "Nummer N ÅÅÅÅ". */
async function newIssue(page: Page) {
  await page.goto("/redaktion/nummer");
  await page.getByRole("button", { name: "Skapa nummer" }).click();
  await expect(page).toHaveURL(/\/redaktion\/nummer\/[0-9a-f-]{36}$/);
  return { url: page.url(), name: (await page.getByRole("heading", { level: 1 }).textContent())!.trim() };
}

async function addArticle(page: Page, title: string) {
  await page.getByLabel("Rubrik").fill(title);
  await page.getByRole("button", { name: "Lägg till artikel" }).click();
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
}

const contents = (page: Page) => page.getByRole("region", { name: "Innehåll" }).getByRole("listitem");

test("@redaktor taking an article out of an issue keeps the writer's text", async ({ page }) => {
  const issue = await newIssue(page);
  await addArticle(page, "Vinterväghållning i byarna");
  await addArticle(page, "Biblioteket får nya öppettider");

  // Escape answers no: nothing happens.
  await page.getByRole("button", { name: "Ta Vinterväghållning i byarna ur numret" }).click();
  const dialog = page.getByRole("dialog", { name: "Ta ”Vinterväghållning i byarna” ur numret?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Texten tas inte bort.");
  await expect(dialog.getByRole("button", { name: "Avbryt" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(contents(page)).toHaveCount(2);

  await page.getByRole("button", { name: "Ta Vinterväghållning i byarna ur numret" }).click();
  await dialog.getByRole("button", { name: "Ta ur numret" }).click();
  await expect(page.getByRole("status").filter({ hasText: "är uttagen ur numret" })).toBeVisible();
  await expect(contents(page)).toHaveCount(1);
  await expect(contents(page)).toContainText("Biblioteket får nya öppettider");

  // The text is still there, unplaced, with the writer's words.
  await page.getByRole("link", { name: "Öppna ”Vinterväghållning i byarna”" }).click();
  await expect(page).toHaveURL(/\/redaktion\/texter\/[0-9a-f-]{36}$/);
  await expect(page.locator("p").filter({ hasText: /^Artikel i Nyhetsbrev för Exempelby kommun, utan nummer$/ })).toBeVisible();
  await expect(page.getByLabel("Flytta till")).toBeVisible();
  const textUrl = page.url();

  // And it can go back into an issue with "Lägg till befintlig text".
  await page.goto(issue.url);
  await page.getByRole("button", { name: "Lägg till befintlig text" }).click();
  const adding = page.getByRole("dialog", { name: "Lägg till befintlig text" });
  await adding.getByLabel("Text").selectOption({ label: (await adding.getByRole("option", { name: /^Vinterväghållning i byarna – / }).textContent())! });
  await adding.getByRole("button", { name: "Lägg till i numret" }).click();
  await expect(contents(page)).toHaveCount(2);
  await expect(contents(page).nth(1)).toContainText("Vinterväghållning i byarna");
  await expect(contents(page).nth(1).getByRole("link")).toHaveAttribute("href", new URL(textUrl).pathname);
});

test("@redaktor moving an article to another issue", async ({ page }) => {
  const target = await newIssue(page);
  const source = await newIssue(page);
  await addArticle(page, "Ny gång- och cykelväg till skolan");

  await page.getByRole("button", { name: "Flytta Ny gång- och cykelväg till skolan till nummer …" }).click();
  const dialog = page.getByRole("dialog", { name: "Flytta ”Ny gång- och cykelväg till skolan” till ett annat nummer" });
  await dialog.getByLabel("Till nummer").selectOption({ label: target.name });
  await dialog.getByRole("button", { name: "Flytta" }).click();
  await expect(page.getByRole("status").filter({ hasText: `ligger nu sist i ${target.name.toLowerCase()}` })).toBeVisible();
  await expect(contents(page)).toHaveCount(0);

  await page.getByRole("link", { name: "Gå till numret" }).click();
  await expect(page).toHaveURL(target.url);
  await expect(page.getByRole("link", { name: "Ny gång- och cykelväg till skolan", exact: true })).toBeVisible();
  expect(source.url).not.toBe(target.url);
});

test("@redaktor deleting a draft is asked in the product's own dialog, from the text itself", async ({ page }) => {
  await newIssue(page);
  await addArticle(page, "Utkast som ska bort");
  // The issue page offers no delete at all.
  await expect(page.getByRole("button", { name: /Ta bort/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Utkast som ska bort", exact: true }).click();

  await page.getByRole("button", { name: "Ta bort utkastet" }).click();
  const dialog = page.getByRole("dialog", { name: "Ta bort ”Utkast som ska bort” för gott?" });
  await expect(dialog).toContainText("Det går inte att ångra.");
  await dialog.getByRole("button", { name: "Avbryt" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/redaktion\/texter\/[0-9a-f-]{36}$/);

  await page.getByRole("button", { name: "Ta bort utkastet" }).click();
  await dialog.getByRole("button", { name: "Ta bort texten" }).click();
  await expect(page).toHaveURL(/\/redaktion\/texter$/);
});

test("@redaktor moving a blog post into an issue from the text's own page", async ({ page }) => {
  const issue = await newIssue(page);
  const editor = new EditorPage(page);
  await editor.createPost("Inlägget som blev en artikel");
  const place = `Artikel i Nyhetsbrev för Exempelby kommun, ${issue.name.toLowerCase()}`;
  await page.getByLabel("Flytta till").selectOption({ label: place });
  await page.getByRole("button", { name: "Flytta", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Texten ligger nu här: ${place}.` })).toBeVisible();
  // The line under the editor's toolbar says where the text now lives.
  await expect(page.locator("p").filter({ hasText: new RegExp(`^${place}$`) })).toBeVisible();

  await page.goto(issue.url);
  await expect(page.getByRole("link", { name: "Inlägget som blev en artikel", exact: true })).toBeVisible();
});
