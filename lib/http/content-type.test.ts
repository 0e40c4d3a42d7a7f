import { describe, expect, it } from "vitest";
import { contentTypeRefusal, FORM_BODY, JSON_BODY, mediaTypeOf, MULTIPART_BODY } from "./content-type";

const check = (contentType: string | null, kind = JSON_BODY) => contentTypeRefusal(new Headers(contentType === null ? {} : { "content-type": contentType }), kind);

describe("contentTypeRefusal", () => {
  it("reads the media type without parameters and case", () => {
    expect(mediaTypeOf("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf("multipart/form-data; boundary=----x")).toBe("multipart/form-data");
    expect(mediaTypeOf(null)).toBe("");
  });

  it("accepts JSON for a JSON route and refuses what a cross-site form can send without a preflight", () => {
    expect(check("application/json")).toBeNull();
    expect(check("application/json;charset=UTF-8")).toBeNull();
    for (const other of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", null]) {
      expect(check(other), String(other)).toEqual({ status: 415, message: JSON_BODY.message });
    }
  });

  it("accepts both form encodings for a form route, and only multipart for a file route", () => {
    expect(check("application/x-www-form-urlencoded", FORM_BODY)).toBeNull();
    expect(check("multipart/form-data; boundary=x", FORM_BODY)).toBeNull();
    expect(check("text/plain", FORM_BODY)).toMatchObject({ status: 415 });
    expect(check("application/json", FORM_BODY)).toMatchObject({ status: 415 });
    expect(check("multipart/form-data; boundary=x", MULTIPART_BODY)).toBeNull();
    expect(check("application/x-www-form-urlencoded", MULTIPART_BODY)).toMatchObject({ status: 415, message: MULTIPART_BODY.message });
  });
});
