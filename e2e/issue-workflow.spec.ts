import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test("a newsletter issue with three articles is submitted, approved and published as a unit", async ({ browser }) => {
  test.slow();
  const editorContext = await browser.newContext({ storageState: storageStatePath("redaktor") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await editorContext.newPage();
  const workflow = page.getByRole("region", { name: /^Status:/ });

  await page.goto("/redaktion/nummer");
  await page.getByRole("button", { name: "Skapa nummer" }).click();
  await expect(page).toHaveURL(/\/redaktion\/nummer\/[0-9a-f-]{36}$/);
  const issueUrl = page.url();
  const [, number, year] = /^Nummer (\d+) (\d{4})$/.exec((await page.getByRole("heading", { level: 1 }).textContent())!.trim())!;

  const titles = ["Ny återvinningscentral öppnar", "Simhallen renoveras", "Kommunchefen om vintern"];
  for (const title of titles) {
    await page.getByLabel("Rubrik").fill(title);
    await page.getByRole("button", { name: "Lägg till artikel" }).click();
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  }

  // Empty articles are not ready: submitting lists every reason.
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  const refusal = workflow.getByRole("alert");
  await expect(refusal).toContainText("Numret kan inte skickas för granskning ännu.");
  for (const title of titles) await expect(refusal).toContainText(`${title}: Texten är tom.`);

  const editor = new EditorPage(page);
  for (const title of titles) {
    await page.getByRole("link", { name: title, exact: true }).click();
    await editor.focusBody();
    await page.keyboard.type(`${title}: här är artikelns text för invånarna.`);
    await editor.expectSaved();
    await page.goto(issueUrl);
  }
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Granskas");
  await expect(workflow.getByRole("button", { name: "Publicera" })).toHaveCount(0);

  // The utgivare approves and publishes the whole issue.
  const reviewer = await reviewerContext.newPage();
  const reviewerPanel = reviewer.getByRole("region", { name: /^Status:/ });
  await reviewer.goto("/redaktion/granska");
  await reviewer.getByRole("link", { name: new RegExp(`nummer ${number} ${year}`) }).click();
  await reviewerPanel.getByRole("button", { name: "Godkänn" }).click();
  await expect(reviewerPanel.getByRole("heading")).toHaveText("Status: Godkänd");
  reviewer.once("dialog", (dialog) => void dialog.accept());
  await reviewerPanel.getByRole("button", { name: "Publicera" }).click();
  await expect(reviewerPanel.getByRole("heading")).toHaveText("Status: Publicerad");

  // Residents see all three articles at once.
  const resident = await browser.newPage();
  await resident.goto(`/nyhetsbrev/${year}/${number}`);
  for (const title of titles) await expect(resident.getByRole("heading", { name: title })).toBeVisible();
  await expect(resident.getByRole("main")).toContainText("Simhallen renoveras: här är artikelns text för invånarna.");

  await Promise.all([editorContext.close(), reviewerContext.close(), resident.close()]);
});
