import { expect, test } from "@playwright/test";

test("@resident reads the latest issue from the start page", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  const latest = page.getByRole("region", { name: "Senaste nyhetsbrevet" });
  await latest.getByRole("link", { name: /^Nummer \d+ \d{4}$/ }).click();

  await expect(page).toHaveURL(/\/nyhetsbrev\/\d{4}\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Nummer \d+ \d{4}$/ })).toBeVisible();
  await expect(page.getByText("Krönika")).toBeVisible();
  await expect(page.locator(".signature").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Kalendarium" })).toBeVisible();
  await expect(page.getByText("Med reservation för eventuella ändringar")).toBeVisible();
  await expect(page.getByText("Ansvarig utgivare", { exact: true })).toBeVisible();
  // The colophon's line (the byline above the article also names her, as "Av Karin Holm, kommunchef").
  await expect(page.getByText("Karin Holm, kommunchef", { exact: true })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("@resident reads an issue with JavaScript turned off", async ({ page }) => {
    await page.goto("/nyhetsbrev");
    await page
      .getByRole("link", { name: /^Nummer \d+ \d{4}$/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1, name: /^Nummer/ })).toBeVisible();
    const articles = page.locator("main section[id]");
    expect(await articles.count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("heading", { name: "Kalendarium" })).toBeVisible();
  });
});

test("@resident never sees drafts or texts awaiting review", async ({ page }) => {
  for (const path of ["/", "/nyhetsbrev", "/blogg/kommunchefen"]) {
    await page.goto(path);
    await expect(page.getByText("Ny detaljplan för Norrbäckens strand")).toHaveCount(0);
    await expect(page.getByText("Tankar inför budgetarbetet")).toHaveCount(0);
  }
  const response = await page.goto("/blogg/kommunchefen/tankar-infor-budgetarbetet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
});

test("@resident finds every blog from the header's Blogg, each with its own writers", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Blogg", exact: true }).click();
  await expect(page).toHaveURL(/\/blogg$/);
  await expect(page.getByRole("heading", { level: 1, name: "Bloggar" })).toBeVisible();
  const blogs = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(blogs).toHaveText(["Kommunchefens blogg", "Medarbetarbloggen"]);
  // Each blog links its newest post (which one depends on what other tests have published).
  await expect(page.getByRole("main").getByText("Senaste inlägget:")).toHaveCount(2);

  await page.getByRole("link", { name: "Medarbetarbloggen" }).click();
  await expect(page).toHaveURL(/\/blogg\/medarbetarbloggen$/);
  await expect(page.getByRole("heading", { level: 1, name: "Medarbetarbloggen" })).toBeVisible();
  const planning = page.getByRole("article").filter({ has: page.getByRole("link", { name: "Så går detaljplaneprocessen till" }) });
  await expect(planning).toContainText("Sara Lind, planarkitekt");

  // The planarkitekt's post is not in the kommunchef's blog.
  await page.goto("/blogg/kommunchefen");
  await expect(page.getByRole("link", { name: "Så går detaljplaneprocessen till" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Tre kollegor om en tryggare kommun" })).toHaveCount(0);
});

test("@resident follows the colophon's web address and e-mail address from an issue", async ({ page }) => {
  await page.goto("/nyhetsbrev");
  await page
    .getByRole("link", { name: /^Nummer \d+ \d{4}$/ })
    .first()
    .click();
  const colophon = page.getByRole("region", { name: "Om nyhetsbrevet" });
  await expect(colophon.getByRole("link", { name: "exempelby.example" })).toHaveAttribute("href", "https://exempelby.example/");
  await expect(colophon.getByRole("link", { name: "kommunen@exempelby.test" })).toHaveAttribute("href", "mailto:kommunen@exempelby.test");
});

test("@resident reads a blog post", async ({ page }) => {
  await page.goto("/blogg/kommunchefen");
  await expect(page.getByRole("heading", { level: 1, name: "Kommunchefens blogg" })).toBeVisible();
  const first = page.getByRole("heading", { level: 2 }).first().getByRole("link");
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});
