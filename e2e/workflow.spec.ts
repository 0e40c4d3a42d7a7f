import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";
import { selectText } from "./pages/selection";

const workflow = (page: Page) => page.getByRole("region", { name: /^Status:/ });

test("the full story: written, sent back with an anchored comment, fixed, approved, published, read", async ({ browser }) => {
  test.slow();
  const title = `Vinterväghållning ${Date.now()}`;
  const writerContext = await browser.newContext({ storageState: storageStatePath("skribent") });
  const reviewerContext = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const writer = new EditorPage(await writerContext.newPage());
  const reviewer = await reviewerContext.newPage();

  // The skribent writes and submits.
  await writer.createPost(title);
  await writer.focusBody();
  await writer.page.keyboard.type("Plogbilarna börjar klockan fyra när snödjupet når fem centimeter.");
  await writer.expectSaved();
  await workflow(writer.page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(writer.page).getByRole("heading")).toHaveText("Status: Granskas");

  // The utgivare finds it in the queue, comments on a passage and sends it back.
  await reviewer.goto("/redaktion/granska");
  await reviewer.getByRole("link", { name: title }).click();
  await expect(reviewer.getByRole("heading", { level: 1, name: `Granska: ${title}` })).toBeVisible();
  await expect(reviewer.locator("[data-review-text]")).toContainText("Plogbilarna börjar klockan fyra");
  await selectText(reviewer.locator("[data-review-text]"), "klockan fyra");
  await expect(reviewer.getByLabel("Knyt till markerad text")).toBeChecked();
  await reviewer.getByLabel("Kommentar", { exact: true }).fill("Stämmer tiden? Jag trodde klockan tre.");
  await reviewer.getByRole("button", { name: "Kommentera" }).click();
  await expect(reviewer.getByRole("region", { name: "Kommentarer" })).toContainText("Stämmer tiden?");
  // Sending back needs a comment.
  await workflow(reviewer).getByRole("button", { name: "Begär ändringar" }).click();
  await expect(workflow(reviewer).getByRole("alert")).toHaveText("Skriv vad som behöver ändras.");
  await workflow(reviewer).getByLabel("Vad behöver ändras?").fill("Kontrollera starttiden med gatuenheten.");
  await workflow(reviewer).getByRole("button", { name: "Begär ändringar" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Ändringar begärda");

  // The skribent sees the comments in the editor, highlighted, fixes and resubmits.
  await writer.page.reload();
  await expect(workflow(writer.page).getByRole("heading")).toHaveText("Status: Ändringar begärda");
  const comments = writer.page.getByRole("region", { name: "Kommentarer" });
  await expect(comments).toContainText("Stämmer tiden?");
  await expect(comments).toContainText("Kontrollera starttiden med gatuenheten.");
  await expect(writer.page.locator(".ProseMirror .comment-highlight")).toHaveText("klockan fyra");
  await writer.focusBody();
  await writer.page.keyboard.press("End");
  await writer.page.keyboard.type(" Starttiden är bekräftad av gatuenheten.");
  await writer.expectSaved();
  await workflow(writer.page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(writer.page).getByRole("heading")).toHaveText("Status: Granskas");

  // A resident has the blog page in the cache before the publication…
  const resident = await browser.newPage();
  for (let i = 0; i < 2; i++) {
    const response = await resident.goto("/blogg/kommunchefen");
    expect(response?.status()).toBe(200);
  }
  await expect(resident.getByRole("main")).not.toContainText(title);

  // The utgivare approves exactly this version and publishes.
  await reviewer.reload();
  await expect(reviewer.locator("[data-review-text]")).toContainText("Starttiden är bekräftad");
  await workflow(reviewer).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow(reviewer).getByRole("button", { name: "Publicera" }).click();
  await reviewer.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(reviewer).getByRole("heading")).toHaveText("Status: Publicerad");

  // The audit log carries the approval with name, role, time and version.
  await reviewer.goto("/redaktion/logg");
  await expect(reviewer.getByRole("table")).toContainText(/Godkänd av Karin Holm, ansvarig utgivare, \d+ \p{L}+ \d{4} kl\. \d\d\.\d\d, version \d+/u);

  // …and sees it at once: publishing revalidated the cached pages.
  await resident.goto("/blogg/kommunchefen");
  await resident.getByRole("link", { name: title }).click();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(resident.getByRole("main")).toContainText("Starttiden är bekräftad av gatuenheten.");

  // The writer was told by e-mail (the local outbox, as no SMTP is configured here).
  await reviewer.goto("/redaktion/utkorg");
  await expect(reviewer.getByRole("table")).toContainText(`Publicerad: ${title}`);

  await Promise.all([writerContext.close(), reviewerContext.close(), resident.close()]);
});

test("a skribent calling the publish action directly is refused", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("skribent") });
  const page = await context.newPage();
  const editor = new EditorPage(page);
  const title = `Otillåten publicering ${Date.now()}`;
  await editor.createPost(title);
  await editor.focusBody();
  await page.keyboard.type("Den här texten ska aldrig nå läsarna utan godkännande.");
  await editor.expectSaved();

  // Learn the server action's id from the skribent's own legitimate request…
  const submitted = page.waitForRequest((request) => request.method() === "POST" && Boolean(request.headers()["next-action"]));
  await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
  const request = await submitted;
  const [payload] = JSON.parse(request.postData() ?? "[]") as [Record<string, unknown>];
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");

  // …then call it with "publish", as a hand-made request would.
  for (const action of ["approve", "publish", "withdraw"]) {
    const response = await page.request.post(request.url(), {
      headers: { "next-action": request.headers()["next-action"]!, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: JSON.stringify([{ ...payload, action }]),
    });
    const text = await response.text();
    expect(text).toContain('"ok":false');
    expect(text).toContain('"code":"FORBIDDEN"');
  }

  const resident = await browser.newPage();
  await resident.goto("/blogg/kommunchefen");
  await expect(resident.getByRole("main")).not.toContainText(title);
  await Promise.all([context.close(), resident.close()]);
});

test("submitting right after typing sends the words just typed, not those of the last autosave", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("skribent") });
  const page = await context.newPage();
  const editor = new EditorPage(page);
  await editor.createPost(`Snabbt inskickad ${Date.now()}`);
  await editor.focusBody();
  // No wait for "Sparat": an empty text would be refused ("Texten är tom.") if the body were not saved first.
  await page.keyboard.type("Skrivet och inskickat i samma andetag.");
  await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");
  await page.goto(`${page.url()}/granska`);
  await expect(page.locator("[data-review-text]")).toContainText("Skrivet och inskickat i samma andetag.");
  await context.close();
});

test("withdrawing takes a cached post off the site at once", async ({ browser }) => {
  // Eleven page loads and four workflow steps: 18–28 s on a quiet machine, over 30 s in a loaded CI pass.
  test.slow();
  const context = await browser.newContext({ storageState: storageStatePath("utgivare") });
  const page = await context.newPage();
  const editor = new EditorPage(page);
  const title = `Tillfälligt inlägg ${Date.now()}`;
  await editor.createPost(title);
  await editor.focusBody();
  await page.keyboard.type("Det här inlägget avpubliceras strax.");
  await editor.expectSaved();
  const id = page.url().split("/").pop();
  await workflow(page).getByRole("button", { name: "Skicka för granskning" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Granskas");
  await page.goto(`/redaktion/texter/${id}/granska`);
  await workflow(page).getByRole("button", { name: "Godkänn" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Godkänd");
  await workflow(page).getByRole("button", { name: "Publicera" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publicera nu" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Publicerad");

  const resident = await browser.newPage();
  await resident.goto("/blogg/kommunchefen");
  await resident.getByRole("link", { name: title }).click();
  await resident.waitForURL(/\/blogg\/kommunchefen\/[a-z0-9-]+$/);
  const postUrl = resident.url();
  await resident.reload();
  await expect(resident.getByRole("heading", { level: 1 })).toHaveText(title);

  await workflow(page).getByRole("button", { name: "Avpublicera" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Avpublicera" }).click();
  await expect(workflow(page).getByRole("heading")).toHaveText("Status: Avpublicerad");
  expect((await resident.goto(postUrl))?.status()).toBe(404);
  await resident.goto("/blogg/kommunchefen");
  await expect(resident.getByRole("main")).not.toContainText(title);
  await Promise.all([context.close(), resident.close()]);
});
