import { describe, expect, it } from "vitest";
import { CROSS_SITE_MESSAGE, crossSiteRefusal } from "./same-origin";

const SITE = "https://kommunbladet.exempelby.se";
const check = (headers: Record<string, string>) => crossSiteRefusal(new Headers(headers), SITE);
const refused = { status: 403, message: CROSS_SITE_MESSAGE };

describe("crossSiteRefusal", () => {
  it("passes our own pages' requests", () => {
    expect(check({ origin: SITE, "sec-fetch-site": "same-origin" })).toBeNull();
    expect(check({ origin: `${SITE}` })).toBeNull();
    expect(check({ origin: "https://KOMMUNBLADET.exempelby.se:443" })).toBeNull();
    expect(check({ "sec-fetch-site": "same-origin" })).toBeNull();
    expect(check({ "sec-fetch-site": "none" })).toBeNull();
  });

  it("passes requests with neither header: not browsers, they carry a token or a signature", () => {
    expect(check({})).toBeNull();
    expect(check({ "content-type": "application/x-www-form-urlencoded" })).toBeNull();
  });

  it("refuses another origin, even a sibling site of the municipality or another scheme or port", () => {
    expect(check({ origin: "https://evil.example" })).toEqual(refused);
    expect(check({ origin: "https://www.exempelby.se" })).toEqual(refused);
    expect(check({ origin: "http://kommunbladet.exempelby.se" })).toEqual(refused);
    expect(check({ origin: "https://kommunbladet.exempelby.se:8443" })).toEqual(refused);
    expect(check({ origin: "nonsense" })).toEqual(refused);
  });

  it("refuses Sec-Fetch-Site cross-site and same-site, whatever Origin says", () => {
    expect(check({ "sec-fetch-site": "cross-site" })).toEqual(refused);
    expect(check({ "sec-fetch-site": "same-site" })).toEqual(refused);
    expect(check({ origin: SITE, "sec-fetch-site": "cross-site" })).toEqual(refused);
  });

  it("lets Sec-Fetch-Site decide for Origin: null, and refuses it alone", () => {
    expect(check({ origin: "null", "sec-fetch-site": "same-origin" })).toBeNull();
    expect(check({ origin: "null", "sec-fetch-site": "cross-site" })).toEqual(refused);
    expect(check({ origin: "null" })).toEqual(refused);
  });

  it("compares with PUBLIC_URL's origin, not its path", () => {
    expect(crossSiteRefusal(new Headers({ origin: "http://127.0.0.1:3100" }), "http://127.0.0.1:3100/")).toBeNull();
    expect(crossSiteRefusal(new Headers({ origin: "http://localhost:3100" }), "http://127.0.0.1:3100")).toEqual(refused);
  });
});
