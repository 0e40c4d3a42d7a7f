import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async goto(returnTo?: string) {
    await this.page.goto(returnTo ? `/logga-in?till=${encodeURIComponent(returnTo)}` : "/logga-in");
  }

  async logIn(email: string, password: string) {
    await this.page.getByLabel("E-post").fill(email);
    await this.page.getByLabel("Lösenord").fill(password);
    await this.page.getByRole("button", { name: "Logga in" }).click();
  }

  async expectError(message: RegExp | string) {
    // Scoped to main: Next.js keeps an empty role="alert" route announcer outside it.
    await expect(this.page.getByRole("main").getByRole("alert")).toHaveText(message);
  }
}
