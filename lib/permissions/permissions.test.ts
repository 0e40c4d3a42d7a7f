import { describe, expect, it } from "vitest";
import { can, canDelete, canEdit, PERMISSIONS, ROLES, type Actor, type Permission, type Role } from "./index";

/**
 * The expected matrix, written out by hand (not derived from ROLE_PERMISSIONS) so that a change to
 * the table must be made in two places on purpose. Columns: skribent, redaktör, utgivare, admin.
 */
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  "staff.access": [true, true, true, true],
  "content.create": [true, true, true, false],
  "content.edit.own": [true, true, true, false],
  "content.edit.any": [false, true, true, false],
  "content.delete.own": [true, true, true, false],
  "content.delete.any": [false, true, true, false],
  "content.submit": [true, true, true, false],
  "content.comment": [true, true, true, false],
  "content.approve": [false, false, true, false],
  "content.publish": [false, false, true, false],
  "content.schedule": [false, false, true, false],
  "content.withdraw": [false, false, true, false],
  "issue.manage": [false, true, true, false],
  "calendar.manage": [false, true, true, true],
  "media.upload": [true, true, true, false],
  "media.manage": [true, true, true, true],
  "subscribers.manage": [false, true, true, true],
  "outbox.read": [false, true, true, true],
  "audit.read": [false, false, true, true],
  "users.manage": [false, false, false, true],
  "settings.manage": [false, false, false, true],
  "publications.manage": [false, false, false, true],
};

const actor = (role: Role, id = `${role}-id`): Actor => ({ id, role, active: true });

describe("can(): every role × permission", () => {
  it("has an expectation for every permission", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...PERMISSIONS].sort());
  });

  const cases = PERMISSIONS.flatMap((permission) => ROLES.map((role, index) => ({ role, permission, expected: EXPECTED[permission][index]! })));
  it.each(cases)("$role · $permission → $expected", ({ role, permission, expected }) => {
    expect(can(actor(role), permission)).toBe(expected);
  });
});

describe("ownership", () => {
  const own = { authorIds: ["skribent-id"], createdBy: "skribent-id" };
  const coAuthored = { authorIds: ["other", "skribent-id"], createdBy: "other" };
  const others = { authorIds: ["other"], createdBy: "other" };

  it("a skribent edits and deletes only their own texts", () => {
    expect(canEdit(actor("skribent"), own)).toBe(true);
    expect(canEdit(actor("skribent"), coAuthored)).toBe(true);
    expect(canEdit(actor("skribent"), others)).toBe(false);
    expect(canDelete(actor("skribent"), own)).toBe(true);
    expect(canDelete(actor("skribent"), others)).toBe(false);
  });

  it("a redaktör and the utgivare edit everyone's texts; the admin edits none", () => {
    for (const role of ["redaktor", "utgivare"] as const) {
      expect(canEdit(actor(role), others)).toBe(true);
      expect(canDelete(actor(role), others)).toBe(true);
    }
    expect(canEdit(actor("admin"), others)).toBe(false);
    expect(canEdit(actor("admin", "other"), others)).toBe(false);
  });

  it("an inactive or missing user may do nothing", () => {
    for (const role of ROLES) {
      for (const permission of PERMISSIONS) {
        expect(can({ id: "x", role, active: false }, permission)).toBe(false);
      }
    }
    expect(can(null, "staff.access")).toBe(false);
    expect(canEdit(undefined, own)).toBe(false);
  });
});
