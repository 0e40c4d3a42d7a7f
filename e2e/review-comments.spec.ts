import { expect, test } from "@playwright/test";
import { ROLE_USERS, storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";
import { selectText } from "./pages/selection";

test("@utgivare comments on a passage of a @skribent's text; the writer sees it in the editor and resolves it", async ({ browser }) => {
  // Two people, several round trips and an autosave: longer than one page's flow.
  test.slow();
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });

  const writer = new EditorPage(await writerContext.newPage());
  await writer.createPost("Torget byggs om");
  await writer.focusBody();
  await writer.page.keyboard.type("Torget byggs om i vår och öppnar till midsommar.");
  await writer.expectSaved();
  const url = writer.page.url();

  const reviewer = new EditorPage(await reviewerContext.newPage());
  await reviewer.page.goto(url);
  await expect(reviewer.body).toContainText("Torget byggs om i vår");
  const panel = reviewer.page.getByRole("region", { name: "Kommentarer" });
  await expect(panel.getByText("Inga öppna kommentarer.")).toBeVisible();

  await reviewer.focusBody();
  await selectText(reviewer.body, "midsommar");
  await expect(panel.getByRole("checkbox", { name: "Knyt till markerad text" })).toBeChecked();
  await expect(panel.locator("blockquote")).toHaveText("midsommar");
  await panel.getByLabel("Kommentar", { exact: true }).fill("Vilket datum är det?");
  await panel.getByRole("button", { name: "Kommentera" }).click();

  const highlight = (page: EditorPage) => page.body.locator("[data-comment-id]");
  await expect(highlight(reviewer)).toHaveText("midsommar");
  await expect(highlight(reviewer)).toHaveClass(/bg-yellow-200/);
  await expect(panel.getByLabel("Kommentar", { exact: true })).toHaveValue("");

  const reviewerThread = panel.getByRole("list", { name: "Öppna kommentarer" }).getByRole("listitem").filter({ hasText: "Vilket datum är det?" }).first();
  await expect(reviewerThread).toContainText(ROLE_USERS.utgivare.name);
  await reviewerThread.getByRole("button", { name: "Svara" }).click();
  await reviewerThread.getByLabel("Svar", { exact: true }).fill("Skriv gärna ut det.");
  await reviewerThread.getByRole("button", { name: "Skicka svaret" }).click();
  await expect(reviewerThread.getByRole("list", { name: "Svar" })).toContainText("Skriv gärna ut det.");

  // The writer opens the text again and finds the thread and the highlighted passage.
  await writer.page.reload();
  await expect(writer.body).toContainText("midsommar");
  const writerPanel = writer.page.getByRole("region", { name: "Kommentarer" });
  const thread = writerPanel.getByRole("list", { name: "Öppna kommentarer" }).getByRole("listitem").filter({ hasText: "Vilket datum är det?" }).first();
  await expect(thread).toContainText("Skriv gärna ut det.");
  await expect(highlight(writer)).toHaveText("midsommar");

  await thread.getByRole("button", { name: "Markera som löst" }).click();
  await expect(highlight(writer)).toHaveCount(0);
  await expect(writerPanel.getByText("Inga öppna kommentarer.")).toBeVisible();

  // Reopened, the passage is highlighted again; once its words are rewritten the panel says so.
  await writerPanel.getByText("Lösta kommentarer (1)").click();
  await writerPanel.getByRole("button", { name: "Öppna igen" }).click();
  await expect(highlight(writer)).toHaveText("midsommar");
  await writerPanel.getByRole("button", { name: /Visa avsnittet i texten/ }).click();
  await expect(writer.page.locator(".ProseMirror")).toBeFocused();
  await writer.page.keyboard.type("den 20 juni");
  await expect(highlight(writer)).toHaveCount(0);
  await expect(writerPanel).toContainText("Avsnittet finns inte längre.");
  await writer.expectSaved();

  await writerContext.close();
  await reviewerContext.close();
});
