import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStatePath } from "./demo-users";
import { EditorPage } from "./pages/editor-page";

/**
 * Everything the browser refused because of a policy, in any frame: `securitypolicyviolation`
 * events where scripts run, and Chromium's console reports (which also cover script-less frames
 * such as the sandboxed e-mail preview, and malformed Permissions-Policy features).
 */
async function watchRefusals(page: Page) {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Permissions-Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  await page.exposeFunction("__reportViolation", (text: string) => refusals.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sample})`);
    });
  });
  return refusals;
}

/** Next's client runtime sets window.next once its scripts have run: proof they were allowed. */
async function expectScriptsRan(page: Page) {
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
}

const directive = (policy: string | undefined, name: string) =>
  (policy ?? "")
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

/** The headers every answer carries (next.config.ts), whatever its policy. */
function expectCommonHeaders(headers: Record<string, string>) {
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // PUBLIC_URL is http in the tests: no HSTS (lib/server/security-headers.test.ts covers https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  const policy = headers["content-security-policy"];
  expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
  expect(directive(policy, "object-src")).toEqual(["'none'"]);
  expect(directive(policy, "script-src")).not.toContain("'unsafe-inline'");
  expect(directive(policy, "script-src")).not.toContain("'unsafe-eval'");
}

/** The demo's first newsletter article, as bench/load.mjs finds it. */
async function firstArticle(request: APIRequestContext) {
  const archive = await (await request.get("/nyhetsbrev")).text();
  const issue = /href="(\/nyhetsbrev\/\d{4}\/\d+)"/.exec(archive)?.[1];
  const issueHtml = await (await request.get(issue!)).text();
  return /href="(\/nyhetsbrev\/\d{4}\/\d+\/[a-z0-9-]+)"/.exec(issueHtml)![1]!;
}

test.describe("reader pages", () => {
  test("@resident pages are cacheable: their inline scripts are allowed by hash, the same for every reader", async ({ request }) => {
    const article = await firstArticle(request);
    const first = await request.get(article);
    const again = await request.get(article);
    expectCommonHeaders(first.headers());
    const scripts = directive(first.headers()["content-security-policy"], "script-src")!;
    expect(scripts[0]).toBe("'self'");
    expect(scripts.slice(1).length).toBeGreaterThan(0);
    for (const source of scripts.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(scripts.some((s) => s.startsWith("'nonce-"))).toBe(false);
    expect(again.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
    expect(await again.text()).toBe(await first.text());
  });

  test("@resident start page, article, archive, search and subscription run their scripts with nothing refused", async ({ page, request }) => {
    const refusals = await watchRefusals(page);
    for (const path of ["/", await firstArticle(request), "/nyhetsbrev", "/sok?q=skola", "/prenumerera"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      expectCommonHeaders(await response!.allHeaders());
      await expectScriptsRan(page);
    }
    // Next's client-side navigation (a fetch of the next page's payload) works under the policy:
    // the window survives the click.
    await page.goto("/");
    await expectScriptsRan(page);
    await page.evaluate(() => ((window as unknown as { __stayed?: boolean }).__stayed = true));
    await page.locator('header a[href="/nyhetsbrev"]').first().click();
    await expect(page).toHaveURL(/\/nyhetsbrev$/);
    expect(await page.evaluate(() => (window as unknown as { __stayed?: boolean }).__stayed)).toBe(true);
    expect(refusals).toEqual([]);
  });

  test("@resident a script smuggled into a reader page does not run", async ({ page }) => {
    const refusals = await watchRefusals(page);
    // The page as the server sent it, headers and all, with one script more than it hashed.
    await page.route(
      (url) => url.pathname === "/",
      async (route) => {
        // Only the document: the router's prefetches of "/" (?_rsc=…) may still be in flight when the
        // test ends, and a route.fetch() then fails the whole run.
        if (route.request().resourceType() !== "document") return route.continue();
        const response = await route.fetch();
        const body = (await response.text()).replace("</main>", "<script>window.__smuggled = true</script></main>");
        const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !["content-encoding", "content-length"].includes(name)));
        await route.fulfill({ status: response.status(), headers, body });
      },
    );
    await page.goto("/");
    await expectScriptsRan(page);
    expect(await page.evaluate(() => (window as unknown as { __smuggled?: boolean }).__smuggled)).toBeUndefined();
    expect(refusals.some((r) => /script-src/.test(r))).toBe(true);
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });
});

test.describe("staff pages", () => {
  test.use({ storageState: storageStatePath("skribent") });

  test("@skribent gets a fresh nonce per page and writes in the editor with nothing refused", async ({ page }) => {
    test.slow();
    const refusals = await watchRefusals(page);
    const start = await page.goto("/redaktion");
    const startHeaders = await start!.allHeaders();
    expectCommonHeaders(startHeaders);
    const scripts = directive(startHeaders["content-security-policy"], "script-src")!;
    expect(scripts).toContain("'strict-dynamic'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce).toBeTruthy();
    expect(
      await page
        .locator(`script[src]`)
        .first()
        .evaluate((s) => (s as HTMLScriptElement).nonce),
    ).toBe(nonce!.slice(7, -1));
    await expectScriptsRan(page);

    const editor = new EditorPage(page);
    await editor.createPost(`Rutiner för snöröjning ${Date.now()}`);
    const reloaded = await page.reload();
    const again = directive((await reloaded!.allHeaders())["content-security-policy"], "script-src")!;
    expect(again.find((s) => s.startsWith("'nonce-"))).not.toBe(nonce);
    await editor.focusBody();
    await page.keyboard.type("Plogningen börjar när det har fallit fem centimeter snö.");
    await editor.tool("Fetstil").click();
    await editor.expectSaved();
    expect(refusals).toEqual([]);
  });

  test("@skribent the log-in page has a nonce policy too", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const refusals = await watchRefusals(page);
    const response = await page.goto("/logga-in");
    const headers = await response!.allHeaders();
    expectCommonHeaders(headers);
    expect(directive(headers["content-security-policy"], "script-src")).toContain("'strict-dynamic'");
    await expectScriptsRan(page);
    expect(refusals).toEqual([]);
    await context.close();
  });
});

test.describe("the approval link and the e-mail views", () => {
  test.use({ storageState: storageStatePath("utgivare") });

  test("@utgivare the one-click approval page carries its headers and cannot be framed", async ({ page, baseURL }) => {
    const link = `/redaktion/granska/lank/${"x".repeat(20)}`;
    const response = await page.goto(link);
    expectCommonHeaders(await response!.allHeaders());
    await expect(page.getByRole("heading", { name: "Länken fungerar inte" })).toBeVisible();

    // Another page framing it: Chromium refuses and shows its own error page in the frame instead.
    await page.goto("about:blank");
    await page.setContent(`<iframe title="ram" src="${baseURL}${link}"></iframe>`);
    await expect
      .poll(() =>
        page
          .frames()
          .find((frame) => frame !== page.mainFrame())
          ?.url(),
      )
      .toMatch(/^chrome-error:/);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Länken fungerar inte" })).toHaveCount(0);

    // The control: the same frame without those two headers shows the page.
    await page.route(`**${link}`, async (route) => {
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !["x-frame-options", "content-security-policy"].includes(name)));
      await route.fulfill({ response, headers });
    });
    await page.setContent(`<iframe title="ram" src="${baseURL}${link}"></iframe>`);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "Länken fungerar inte" })).toBeVisible();
    await page.unrouteAll({ behavior: "ignoreErrors" });
  });

  test("@utgivare the e-mail preview still shows the e-mail, with nothing refused", async ({ page }) => {
    const refusals = await watchRefusals(page);
    await page.goto("/redaktion/nummer");
    await page.locator('main a[href^="/redaktion/nummer/"]').first().click();
    await page.getByRole("link", { name: "Förhandsgranska e-post" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Förhandsgranska e-post" })).toBeVisible();
    const mail = page.frameLocator('iframe[title="E-postens HTML-del"]');
    await expect(mail.locator("body")).toContainText(/\S/);
    await expectScriptsRan(page);
    expect(refusals).toEqual([]);
  });
});
