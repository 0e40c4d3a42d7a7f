import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PublicError from "@/app/(public)/error";
import RootError from "@/app/error";
import RootForbidden from "@/app/forbidden";
import GlobalError from "@/app/global-error";
import StaffError from "@/app/redaktion/error";
import StaffForbidden from "@/app/redaktion/forbidden";

/** Next's own fallbacks and the message it puts in a production server error: none may reach a reader. */
const ENGLISH = /This page couldn|Application error|Something went wrong|Try again|server-side exception|Forbidden|Internal Server Error|digest/;

const serverError = Object.assign(new Error("An error occurred in the Server Components render."), { digest: "2845913377" });
const noop = () => {};

describe("error pages", () => {
  it.each([
    ["app/error.tsx", RootError, "/", "Till startsidan"],
    ["app/(public)/error.tsx", PublicError, "/", "Till startsidan"],
    ["app/redaktion/error.tsx", StaffError, "/redaktion", "Till översikten"],
  ])("%s says what happened in Swedish, offers a retry and a way on, and shows the id to quote", (_file, Page, href, label) => {
    const html = renderToStaticMarkup(<Page error={serverError} retry={noop} />);
    expect(html).toContain("Något gick fel");
    expect(html).toContain("Felkod: <code");
    expect(html).toContain(">2845913377</code>");
    expect(html).toMatch(/<button type="button"[^>]*>Försök igen<\/button>/);
    expect(html).toContain(`<a class="font-semibold text-brand underline" href="${href}">${label}</a>`);
    expect(html).not.toMatch(ENGLISH);
    expect(html).not.toContain("Server Components render");
  });

  it("a client-side error has no digest, and then no Felkod line", () => {
    const html = renderToStaticMarkup(<StaffError error={new TypeError("x is undefined")} retry={noop} />);
    expect(html).toContain("Något gick fel");
    expect(html).not.toContain("Felkod");
    expect(html).not.toContain("x is undefined");
  });

  it("app/global-error.tsx brings its own Swedish document", () => {
    const html = renderToStaticMarkup(<GlobalError error={serverError} retry={noop} />);
    expect(html).toMatch(/^<html lang="sv">/);
    expect(html).toContain("<title>Något gick fel – Kommunbladet</title>");
    expect(html).toContain("Felkod: <code");
    expect(html).not.toMatch(ENGLISH);
  });

  it("the 403 pages say it is a matter of permission", () => {
    for (const html of [renderToStaticMarkup(<StaffForbidden />), renderToStaticMarkup(<RootForbidden />)]) {
      expect(html).toContain("Du har inte behörighet till den här sidan");
      expect(html).not.toMatch(ENGLISH);
    }
  });
});
