import { expect, type Locator, type Page } from "@playwright/test";

export class EditorPage {
  readonly body: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.body = page.getByRole("textbox", { name: "Brödtext" });
    this.status = page.getByRole("status").filter({ hasText: /Sparat|Sparar|Kunde inte spara|Ändrat/ });
  }

  /** Creates a blog post from "Ny text" and lands in its editor. */
  async createPost(title: string) {
    await this.page.goto("/redaktion/texter");
    await this.page.getByRole("link", { name: "Ny text" }).click();
    await this.page.getByLabel("Rubrik").fill(title);
    await this.page.getByLabel("Var ska texten publiceras?").selectOption({ label: "Blogginlägg i Kommunchefens blogg" });
    await this.page.getByRole("button", { name: "Skapa text" }).click();
    await expect(this.page).toHaveURL(/\/redaktion\/texter\/[0-9a-f-]{36}$/);
    await expect(this.body).toBeVisible();
  }

  async focusBody() {
    await this.body.click();
    await expect(this.page.locator(".ProseMirror")).toBeFocused();
  }

  tool(name: string) {
    return this.page.getByRole("toolbar", { name: "Formatering" }).getByRole("button", { name, exact: true });
  }

  async expectSaved() {
    await expect(this.status).toHaveText(/^Sparat kl\. \d\d\.\d\d$/, { timeout: 15_000 });
  }
}
