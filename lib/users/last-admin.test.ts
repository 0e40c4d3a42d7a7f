import { describe, expect, it } from "vitest";
import { LAST_ADMIN_DEACTIVATE, LAST_ADMIN_ROLE, lastAdminProblem } from "./last-admin";

const admin = { id: "a", role: "admin" as const, active: true };
const writer = { id: "w", role: "skribent" as const, active: true };

describe("lastAdminProblem", () => {
  it("refuses to deactivate the last active admin, or give them another role", () => {
    expect(lastAdminProblem([admin, writer], "a", { deactivate: true })).toBe(LAST_ADMIN_DEACTIVATE);
    expect(lastAdminProblem([admin, writer], "a", { role: "redaktor" })).toBe(LAST_ADMIN_ROLE);
  });

  it("does not count an inactive admin or someone of another role", () => {
    const sleeping = { id: "b", role: "admin" as const, active: false };
    expect(lastAdminProblem([admin, sleeping, writer], "a", { deactivate: true })).toBe(LAST_ADMIN_DEACTIVATE);
  });

  it("lets an admin go when another active admin remains", () => {
    const other = { id: "b", role: "admin" as const, active: true };
    expect(lastAdminProblem([admin, other], "a", { deactivate: true })).toBeNull();
    expect(lastAdminProblem([admin, other], "a", { role: "skribent" })).toBeNull();
  });

  it("has nothing to say about keeping the role, or about other accounts", () => {
    expect(lastAdminProblem([admin], "a", { role: "admin" })).toBeNull();
    expect(lastAdminProblem([admin, writer], "w", { deactivate: true })).toBeNull();
    expect(lastAdminProblem([admin, writer], "w", { role: "admin" })).toBeNull();
  });
});
