import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

const workflow = (page: Page) => page.getByRole("region", { name: /^Status:/ });

/** A word no demo text and no other test run contains: letters only, so the stemmer keeps it whole. */
const uniqueWord = () =>
  `kvarn${Date.now()
    .toString(36)
    .replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}`;

type Text = { title: string; lead: string; body: string; description?: string };

/**
 * The skribent writes the text (and its description, if any) and sends it for review; the utgivare
 * checks what search results and link previews will show on the review page, approves and
 * publishes. Returns the text's public address.
 */
async function writeAndPublish(browser: Browser, text: Text): Promise<string> {
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const writer = new EditorPage(await writerContext.newPage());
  const reviewer = await reviewerContext.newPage();

  await writer.createPost(text.title);
  await writer.page.getByLabel("Ingress", { exact: true }).fill(text.lead);
  await writer.focusBody();
  await writer.page.keyboard.type(text.body);
  const description = writer.page.getByLabel("Beskrivning", { exact: true });
  await expect(description).toHaveAccessibleDescription(/Visas i sökresultat och när någon delar länken\. Lämnar du fältet tomt används ingressen\./);
  if (text.description) {
    await description.fill(text.description);
    await expect(writer.page.getByText(`${text.description.length} av 300 tecken`)).toBeVisible();
  }
  await writer.expectSaved();
  // Saved on the server, not only in this tab: a reload brings it back.
  await writer.page.reload();
  await expect(description).toHaveValue(text.description ?? "");
  const id = writer.page.url().split("/").pop();
  await workflow(writer.page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(writer.page).getByRole("heading")).toHaveText("Status: Granskas");

  // The utgivare approves what readers will see before they open the text, too.
  await reviewer.goto(`/redaktion/texter/${id}/granska`);
  const preview = reviewer.getByRole("region", { name: "I sökresultat och när länken delas" });
  await expect(preview).toContainText(text.description ?? text.lead);
  await expect(preview).toContainText(text.description ? "Textens egen beskrivning." : "Texten har ingen egen beskrivning, så ingressen visas.");
  await workflow(reviewer).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow(reviewer).getByRole("button", { name: "Publicera" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Publicerad");

  await reviewer.goto("/blogg/kommunchefen");
  await reviewer.getByRole("link", { name: text.title }).click();
  await reviewer.waitForURL(/\/blogg\/kommunchefen\/[a-z0-9-]+$/);
  const url = new URL(reviewer.url()).pathname;
  await Promise.all([writerContext.close(), reviewerContext.close()]);
  return url;
}

/** What a link preview and a search engine read from the page's head, as a resident's browser gets it. */
async function expectPreviewsSay(page: Page, path: string, summary: string) {
  await page.goto(path);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", summary);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute("content", summary);
  await expect(page.locator('meta[name="twitter:description"]')).toHaveAttribute("content", summary);
}

/** The text's hit on /sok, found by a word of its body, shows `summary` as its snippet. */
async function expectSearchShows(page: Page, word: string, title: string, summary: string) {
  await page.goto(`/sok?q=${word}`);
  const hit = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator("p").last()).toHaveText(summary);
}

test("a writer gives a text a description that link previews and search results show", async ({ browser, page }) => {
  // Two people, a reload and four workflow steps: beyond 30 s on a loaded machine.
  test.slow();
  const word = uniqueWord();
  const text = {
    title: `Ny kompoststation vid Torget ${word}`,
    lead: "Från måndag kan du lämna matavfall i den nya stationen bakom biblioteket.",
    body: `Stationen vid ${word} är öppen dygnet runt och töms två gånger i veckan.`,
    description: "Var den nya kompoststationen finns, när den töms och vad du får lämna där.",
  };
  const path = await writeAndPublish(browser, text);
  await expectPreviewsSay(page, path, text.description);
  // Found by a word in the body, but shown by the writer's own description.
  await expectSearchShows(page, word, text.title, text.description);
});

test("a text without a description shows its lead in link previews and search results", async ({ browser, page }) => {
  test.slow();
  const word = uniqueWord();
  const text = {
    title: `Biblioteket öppnar tidigare ${word}`,
    lead: "Biblioteket öppnar en timme tidigare på lördagar.",
    body: `Från nästa vecka öppnar ${word} klockan tio.`,
  };
  const path = await writeAndPublish(browser, text);
  await expectPreviewsSay(page, path, text.lead);
  // Cut from the lead and the body as before: the lead, then the body with the reader's word.
  await page.goto(`/sok?q=${word}`);
  const hit = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: text.title }) });
  await expect(hit.locator("p").last()).toContainText(text.lead);
  await expect(hit.locator("mark")).toHaveText(word);
});
