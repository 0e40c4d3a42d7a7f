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

  // Submitting an issue with draft articles is refused with the reason, per article, before anything is sent.
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  const refused = page.getByRole("dialog", { name: "Numret kan inte skickas för granskning ännu" });
  const reasons = refused.getByRole("alert");
  for (const title of titles) {
    await expect(reasons).toContainText(`${title}: Artikeln är ett utkast som inte har skickats för granskning.`);
    await expect(reasons).toContainText(`${title}: Texten är tom.`);
    await expect(refused.getByRole("row", { name: new RegExp(title) })).toContainText("Utkast");
  }
  await expect(refused.getByRole("button", { name: "Skicka för granskning" })).toHaveCount(0);
  await refused.getByRole("button", { name: "Stäng" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Utkast");

  // Each writer finishes and sends their article; one leaves a comment open.
  const editor = new EditorPage(page);
  const textPanel = page.getByRole("region", { name: /^Status:/ });
  for (const title of titles) {
    await page.getByRole("link", { name: title, exact: true }).click();
    await editor.focusBody();
    await page.keyboard.type(`${title}: här är artikelns text för invånarna.`);
    await editor.expectSaved();
    if (title === titles[1]) {
      const comments = page.getByRole("region", { name: "Kommentarer" });
      await comments.getByLabel("Kommentar", { exact: true }).fill("Kontrollera öppettiderna med simhallen.");
      await comments.getByRole("button", { name: "Kommentera" }).click();
      await expect(comments.getByRole("list", { name: "Öppna kommentarer" })).toContainText("Kontrollera öppettiderna med simhallen.");
    }
    await textPanel.getByRole("button", { name: "Skicka för granskning" }).click();
    await expect(textPanel.getByRole("heading")).toHaveText("Status: Granskas");
    await page.goto(issueUrl);
  }
  await workflow.getByRole("button", { name: "Skicka för granskning" }).click();
  const submitting = page.getByRole("dialog", { name: "Skicka numret för granskning?" });
  await expect(submitting.getByRole("row", { name: /Simhallen renoveras/ })).toContainText("Granskas");
  await submitting.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow.getByRole("heading")).toHaveText("Status: Granskas");
  await expect(workflow.getByRole("button", { name: "Publicera" })).toHaveCount(0);

  // The utgivare approves and publishes the whole issue.
  const reviewer = await reviewerContext.newPage();
  const reviewerPanel = reviewer.getByRole("region", { name: /^Status:/ });
  await reviewer.goto("/redaktion/granska");
  await reviewer.getByRole("link", { name: new RegExp(`nummer ${number} ${year}`) }).click();
  // Approving an issue with open comments asks first, and names them.
  await reviewerPanel.getByRole("button", { name: "Godkänn" }).click();
  const asking = reviewer.getByRole("dialog", { name: "Godkänna numret med en öppen kommentar?" });
  await expect(asking).toContainText("Simhallen renoveras: ”Kontrollera öppettiderna med simhallen.”");
  await reviewer.keyboard.press("Escape");
  await expect(asking).toBeHidden();
  await expect(reviewerPanel.getByRole("heading")).toHaveText("Status: Granskas");
  await reviewerPanel.getByRole("button", { name: "Godkänn" }).click();
  await asking.getByRole("button", { name: "Godkänn ändå" }).click();
  await expect(reviewerPanel.getByRole("heading")).toHaveText("Status: Godkänd");
  await reviewerPanel.getByRole("button", { name: "Publicera" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(reviewerPanel.getByRole("heading")).toHaveText("Status: Publicerad");

  // Residents see all three articles at once.
  const resident = await browser.newPage();
  await resident.goto(`/nyhetsbrev/${year}/${number}`);
  for (const title of titles) await expect(resident.getByRole("heading", { name: title })).toBeVisible();
  await expect(resident.getByRole("main")).toContainText("Simhallen renoveras: här är artikelns text för invånarna.");

  await Promise.all([editorContext.close(), reviewerContext.close(), resident.close()]);
});
