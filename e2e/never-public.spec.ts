import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";
import { readSitemap } from "./sitemap";

const workflow = (page: Page) => page.getByRole("region", { name: /^Status:/ });

/** A post by the utgivare taken to approval; returns its id and the unique word in its title and text. */
async function approvedPost(page: Page, label: string) {
  const word = `${label}${Date.now().toString(36)}`;
  const editor = new EditorPage(page);
  await editor.createPost(`Hemligt ${word}`);
  await editor.focusBody();
  await page.keyboard.type(`Ordet ${word} får inte synas för invånarna än.`);
  await editor.expectSaved();
  const id = page.url().split("/").pop()!;
  await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");
  await page.goto(`/redaktion/texter/${id}/granska`);
  await workflow(page).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Godkänd");
  return { id, word };
}

test("a draft, a scheduled and a withdrawn text never reach residents: page, lists, search, feeds, sitemap", async ({ browser }) => {
  test.slow();
  const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await context.newPage();

  // A draft.
  const draftWord = `utkast${Date.now().toString(36)}`;
  const editor = new EditorPage(page);
  await editor.createPost(`Hemligt ${draftWord}`);
  await editor.focusBody();
  await page.keyboard.type(`Ordet ${draftWord} är bara ett utkast.`);
  await editor.expectSaved();

  // Scheduled far ahead.
  const scheduled = await approvedPost(page, "schemalagd");
  await workflow(page).getByLabel("Publiceringstid (svensk tid)").fill("2031-01-15T09:00");
  await workflow(page).getByRole("button", { name: "Schemalägg" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Schemalagd");

  // Published, read once (so it sits in the page cache), then withdrawn.
  const withdrawn = await approvedPost(page, "avpublicerad");
  await workflow(page).getByRole("button", { name: "Publicera" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Publicerad");
  const resident = await browser.newPage();
  await resident.goto("/blogg/kommunchefen");
  await resident.getByRole("link", { name: `Hemligt ${withdrawn.word}` }).click();
  await resident.waitForURL(/\/blogg\/kommunchefen\/[a-z0-9-]+$/);
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(`Hemligt ${withdrawn.word}`);
  const withdrawnUrl = resident.url();
  await workflow(page).getByRole("button", { name: "Avpublicera" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Avpublicera" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Avpublicerad");

  expect((await resident.goto(withdrawnUrl))?.status()).toBe(404);
  const words = [draftWord, scheduled.word, withdrawn.word];
  const publicUrls = ["/", "/blogg/kommunchefen", "/feed.xml", "/blogg/kommunchefen/feed.xml", "/sitemap.xml"];
  for (const url of publicUrls) {
    const response = await resident.request.get(url);
    expect(response.status(), url).toBe(200);
    const body = await response.text();
    for (const word of words) expect(body, `${word} on ${url}`).not.toContain(word);
  }
  // Every file the sitemap index names; the texts' addresses carry their words in lower case.
  for (const { loc, xml } of (await readSitemap(resident.request)).files) {
    for (const word of words) expect(xml.toLowerCase(), `${word} in ${loc}`).not.toContain(word.toLowerCase());
  }
  for (const word of words) {
    const response = await resident.request.get(`/sok?q=${encodeURIComponent(word)}`);
    expect(response.status()).toBe(200);
    // The query itself is shown back ("Inga träffar för …"), the text must not be: its title starts "Hemligt".
    expect(await response.text()).not.toContain(`Hemligt ${word}`);
  }
  await Promise.all([context.close(), resident.close()]);
});
