import { expect, test } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

test("the utgivare approves from the review e-mail's one-time link, then schedules and cancels", async ({ browser }) => {
  test.slow();
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const writer = new EditorPage(await writerContext.newPage());
  const title = `Ny busslinje till Norrby ${Date.now()}`;
  await writer.createPost(title);
  await writer.focusBody();
  await writer.page.keyboard.type("Linje 7 går varje halvtimme från och med januari.");
  await writer.expectSaved();
  await writer.page.getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(writer.page.getByRole("heading", { name: "Status: Granskas" })).toBeVisible();

  // The review e-mail sits in the local outbox (no SMTP here); its link is the utgivare's own.
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto("/redaktion/utkorg");
  await reviewer
    .getByRole("link", { name: `Att granska: ${title}` })
    .first()
    .click();
  const mail = await reviewer.locator("pre").textContent();
  const link = /https?:\/\/\S+\/redaktion\/granska\/lank\/\S+/.exec(mail ?? "")?.[0];
  expect(link, "the mail carries an approval link").toBeTruthy();

  await reviewer.goto(link!);
  await expect(reviewer.getByRole("heading", { level: 1, name: `Granska: ${title}` })).toBeVisible();
  await expect(reviewer.getByRole("main")).toContainText("Linje 7 går varje halvtimme");
  await reviewer.getByRole("button", { name: "Godkänn" }).click();
  await expect(reviewer.getByRole("status")).toContainText("Godkänd.");

  // Single use.
  await reviewer.goto(link!);
  await expect(reviewer.getByRole("main").getByRole("alert")).toHaveText("Länken har redan använts. Öppna texten från Att granska.");

  // Scheduling, in Swedish time, and cancelling it.
  await reviewer.getByRole("link", { name: "Till Att granska" }).click();
  await writer.page.reload();
  await expect(writer.page.getByRole("heading", { name: "Status: Godkänd" })).toBeVisible();
  const id = writer.page.url().split("/").pop();
  await reviewer.goto(`/redaktion/texter/${id}/granska`);
  const panel = reviewer.getByRole("region", { name: /^Status:/ });
  await panel.getByLabel("Publiceringstid (svensk tid)").fill("2031-06-01T08:30");
  await panel.getByRole("button", { name: "Schemalägg" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Schemalagd");
  await expect(panel).toContainText("Publiceras 1 juni 2031 kl. 08.30.");
  await panel.getByRole("button", { name: "Avbryt schemaläggning" }).click();
  await expect(panel.getByRole("heading")).toHaveText("Status: Godkänd");

  await Promise.all([writerContext.close(), reviewerContext.close()]);
});
