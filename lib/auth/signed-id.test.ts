import { describe, expect, it } from "vitest";
import { readSignedId, signId } from "./signed-id";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("signed ids", () => {
  it("name their row for their own purpose only", () => {
    const token = signId("approval-link", ID);
    expect(token).toMatch(new RegExp(`^${ID}\\.[A-Za-z0-9_-]{43}$`));
    expect(readSignedId("approval-link", token)).toBe(ID);
    expect(readSignedId("unsubscribe", token)).toBeNull();
  });

  it("refuse anything else", () => {
    const signature = signId("approval-link", ID).split(".")[1]!;
    expect(readSignedId("approval-link", `7c9e6679-7425-40de-944b-e07fc1f90ae7.${signature}`)).toBeNull();
    expect(readSignedId("approval-link", `${ID}.${signature}.x`)).toBeNull();
    expect(readSignedId("approval-link", `${ID}.${signature.slice(1)}`)).toBeNull();
    expect(readSignedId("approval-link", `not-a-uuid.${signature}`)).toBeNull();
    expect(readSignedId("approval-link", "")).toBeNull();
  });
});
