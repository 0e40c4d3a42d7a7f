import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/permissions";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "@/lib/workflow/labels";
import { mayChangeIssueContents, mayPlaceNewArticle, placeableIssueStatuses } from "./placement";

const actor = (role: Role) => ({ id: "u", role, active: true });

// Rows: issue status; columns: skribent, redaktor, utgivare, admin (admin never reaches this: no content.create).
const EXPECTED: Record<WorkflowStatus, [boolean, boolean, boolean, boolean]> = {
  draft: [true, true, true, true],
  changes_requested: [true, true, true, true],
  in_review: [false, true, true, false],
  approved: [false, true, true, false],
  scheduled: [false, true, true, false],
  published: [false, false, false, false],
  withdrawn: [false, true, true, false],
};

describe("mayPlaceNewArticle", () => {
  for (const status of WORKFLOW_STATUSES) {
    ROLES.forEach((role, column) => {
      it(`${role} in a ${status} issue: ${EXPECTED[status][column] ? "yes" : "no"}`, () => {
        expect(mayPlaceNewArticle(actor(role), status).ok).toBe(EXPECTED[status][column]);
      });
    });
  }

  it("explains a refusal in Swedish", () => {
    expect(mayPlaceNewArticle(actor("skribent"), "approved")).toEqual({
      ok: false,
      code: "FORBIDDEN",
      message: "Numret är godkänt. Bara den som sätter ihop nummer kan lägga till artiklar i det nu.",
    });
    expect(mayPlaceNewArticle(actor("redaktor"), "published")).toEqual({ ok: false, code: "INVALID_TRANSITION", message: "Numret är redan publicerat." });
  });

  it("applies the same rule to taking an article out, in its own words", () => {
    for (const status of WORKFLOW_STATUSES) {
      for (const role of ROLES) expect(mayChangeIssueContents(actor(role), status, "remove").ok).toBe(mayPlaceNewArticle(actor(role), status).ok);
    }
    expect(mayChangeIssueContents(actor("skribent"), "scheduled", "remove")).toMatchObject({
      message: "Numret är schemalagt. Bara den som sätter ihop nummer kan ta ut artiklar ur det nu.",
    });
  });

  it("gives the placement list the same answer", () => {
    for (const role of ROLES) {
      expect(placeableIssueStatuses(actor(role))).toEqual(WORKFLOW_STATUSES.filter((s) => mayPlaceNewArticle(actor(role), s).ok));
    }
    expect(placeableIssueStatuses(actor("skribent"))).toEqual(["draft", "changes_requested"]);
  });
});
