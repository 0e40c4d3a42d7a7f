import { verify } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { DUMMY_HASH, hashPassword, verifyPassword } from "./password";

const parameters = (hash: string) => hash.split("$").slice(1, 4).join("$");

describe("verifyPassword", () => {
  it("checks an unknown account against a ready-made hash as costly as a real one", async () => {
    expect(parameters(DUMMY_HASH)).toBe(parameters(await hashPassword("vad-som-helst-123")));
    // A real, well-formed hash: the check does the full work rather than failing at once.
    await expect(verify(DUMMY_HASH, "fel")).resolves.toBe(false);
    expect(await verifyPassword(null, "fel")).toBe(false);
  });

  it("accepts the right password and refuses a wrong one or a broken hash", async () => {
    const hash = await hashPassword("rätt-lösenord-123");
    expect(await verifyPassword(hash, "rätt-lösenord-123")).toBe(true);
    expect(await verifyPassword(hash, "fel")).toBe(false);
    expect(await verifyPassword("inte-en-hash", "fel")).toBe(false);
  });
});
