import { execSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueData, postData } from "./fixtures";
import { renderIssueEmail } from "./issue";
import { renderPostEmail } from "./post";

// Debian's chromium, as the e2e suite uses (Playwright cannot download its own browser here). A missing
// browser fails this file rather than skipping it: CI installs chromium, so a skip would hide a gap.
const executablePath = process.env.CHROMIUM_PATH ?? execSync("command -v chromium", { encoding: "utf8" }).trim();
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** The rules this suite is about; each must have run and passed, not merely found nothing to check. */
const REQUIRED_PASSES = ["document-title", "html-has-lang", "html-lang-valid", "image-alt", "link-name", "color-contrast"];

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath });
  // AxeBuilder needs a page of an explicit context (it opens frames through the context).
  page = await (await browser.newContext()).newPage();
  // A mail's images live on PUBLIC_URL; the check is about the markup, so no request leaves the machine.
  await page.route("**/*", (route) => route.abort());
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function axe(html: string) {
  await page.setContent(html, { waitUntil: "domcontentloaded" });
  return new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
}

const summary = (results: Awaited<ReturnType<typeof axe>>) => results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

describe("e-mail accessibility (axe, WCAG 2.1 A/AA)", () => {
  it.each([
    ["the issue", () => renderIssueEmail(issueData({ theme: "Vinter i byn" }))],
    ["the test send of the issue", () => renderIssueEmail(issueData(), { test: true })],
    ["a blog post", () => renderPostEmail(postData())],
  ])("%s has no violations", async (_, renderMail) => {
    const { html } = await renderMail();
    const results = await axe(html);
    expect(summary(results)).toEqual([]);
    expect(REQUIRED_PASSES.filter((id) => !results.passes.some((rule) => rule.id === id))).toEqual([]);
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    // Layout tables are presentation; the one data table (the editor's table) has header cells.
    const tables = await page.locator("table").evaluateAll((all) => all.map((t) => ({ role: t.getAttribute("role"), th: t.querySelectorAll("th").length })));
    expect(tables.filter((t) => t.role !== "presentation" && t.th === 0)).toEqual([]);
  });

  it("would catch a mail without a language, alt texts or a title", async () => {
    const { html } = await renderIssueEmail(issueData());
    const broken = html
      .replace(' lang="sv"', "")
      .replaceAll(/ alt="[^"]*"/g, "")
      .replace(/<title>.*<\/title>/, "");
    const ids = (await axe(broken)).violations.map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["html-has-lang", "image-alt", "document-title"]));
  });
});
