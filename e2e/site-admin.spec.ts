import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { storageStatePath } from "./demo-users";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("@redaktor the media library", () => {
  test.use({ storageState: storageStatePath("redaktor") });

  test("finds an image by its alt text, describes it, and deletes it with every size", async ({ page, baseURL }) => {
    test.slow();
    const alt = `Isbanan på sjön en solig dag ${Date.now()}`;
    const uploaded = await page.request.post("/api/media", {
      multipart: {
        file: {
          name: "isbanan.jpg",
          mimeType: "image/jpeg",
          buffer: await sharp({ create: { width: 800, height: 500, channels: 3, background: "#88aacc" } })
            .jpeg()
            .toBuffer(),
        },
        alt,
      },
      headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
    });
    expect(uploaded.status()).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };

    await page.goto("/redaktion");
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Bilder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Bilder" })).toBeVisible();
    await axe(page);
    await page.getByLabel("Sök i alternativtext, bildtext och fotograf").fill(alt.slice(-13));
    await page.getByRole("button", { name: "Sök bland bilderna" }).click();
    await expect(page.getByRole("status")).toHaveText(/^1 bild matchar/);
    await page.getByRole("link", { name: alt }).click();
    await expect(page).toHaveURL(`/redaktion/bilder/${id}`);
    await expect(page.getByText("Ingen text använder bilden")).toBeVisible();
    await axe(page);

    // An empty alt text is refused, and what else was typed stays.
    await page.getByLabel("Alternativtext").fill("");
    await page.getByLabel("Fotograf").fill("Eva Ek");
    await page.getByRole("button", { name: "Spara beskrivningen" }).click();
    await expect(page.getByText("Skriv en alternativtext som beskriver bilden.")).toBeVisible();
    await expect(page.getByLabel("Fotograf")).toHaveValue("Eva Ek");
    await page.getByLabel("Alternativtext").fill(`${alt}, med skridskoåkare`);
    await page.getByRole("button", { name: "Spara beskrivningen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Beskrivningen är sparad." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Alternativtext")).toHaveValue(`${alt}, med skridskoåkare`);

    // The product's own dialog: "Avbryt" keeps the image.
    await page.getByRole("button", { name: "Ta bort bilden" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("Det går inte att ångra.");
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await expect(dialog).toBeHidden();
    expect((await page.request.get(`/media/${id}/480.webp`)).status()).toBe(200);

    await page.getByRole("button", { name: "Ta bort bilden" }).click();
    await dialog.getByRole("button", { name: "Ta bort bilden" }).click();
    await expect(page).toHaveURL(/\/redaktion\/bilder\?borttagen=/);
    await expect(page.getByRole("status").first()).toContainText("är borttagen");
    for (const file of ["480.webp", "960.avif", "original.jpg"]) expect((await page.request.get(`/media/${id}/${file}`)).status(), file).toBe(404);
  });
});

test.describe("@admin publications", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("a new blog is offered to writers at once, and archiving it stops new texts but keeps it readable", async ({ page, browser }) => {
    test.slow();
    const name = `Kulturbloggen ${Date.now()}`;
    await page.goto("/redaktion");
    await page.getByRole("navigation", { name: "Redaktionen" }).getByRole("link", { name: "Publikationer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Publikationer" })).toBeVisible();
    await axe(page);

    const form = page.getByRole("form", { name: "Ny publikation" });
    await form.getByLabel("Blogg").check();
    await form.getByLabel("Namn").fill(name);
    await form.getByLabel("Adress").fill("Kultur Bloggen!");
    await form.getByLabel("Beskrivning").fill("Om allt som händer på kulturhuset.");
    await form.getByLabel("Ansvarig utgivare").selectOption({ label: "Karin Holm" });
    await form.getByRole("button", { name: "Skapa publikationen" }).click();
    await expect(form.getByText(/små bokstäver a–z/)).toBeVisible();
    await expect(form.getByLabel("Namn")).toHaveValue(name);
    const slug = `kultur-${Date.now()}`;
    await form.getByLabel("Adress").fill(slug);
    await form.getByRole("button", { name: "Skapa publikationen" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Nu kan skribenterna välja det under Ny text");
    await axe(page);

    const writer = await (await browser.newContext({ storageState: storageStatePath("skribent") })).newPage();
    await writer.goto("/redaktion");
    await writer.getByRole("main").getByRole("link", { name: "Ny text" }).click();
    const where = writer.getByLabel("Var ska texten publiceras?");
    await expect(where.locator("option", { hasText: `Blogginlägg i ${name}` })).toHaveCount(1);

    await page.getByRole("button", { name: "Arkivera" }).click();
    const dialog = page.getByRole("dialog", { name: `Arkivera ${name}?` });
    await dialog.getByRole("button", { name: "Arkivera" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Arkiverad" })).toBeVisible();
    await writer.reload();
    await expect(writer.getByLabel("Var ska texten publiceras?").locator("option", { hasText: `Blogginlägg i ${name}` })).toHaveCount(0);
    const response = await writer.goto(`/blogg/${slug}`);
    expect(response?.status()).toBe(200);
    await writer.context().close();

    await page.getByRole("button", { name: "Återställ" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Arkivera" })).toBeVisible();
  });
});
