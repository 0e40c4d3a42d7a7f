import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/permissions";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "./labels";
import { availableActions, editVoidsApproval, planTransition, statusAfterEdit, WORKFLOW_ACTIONS, type WorkflowAction } from "./transitions";

const actor = (role: Role) => ({ id: "u1", role, active: true });
const base = { target: "item" as const, live: false, mayEdit: true, publishableAlone: true };

/**
 * The expected table written out by hand (not derived from the code under test): for each action,
 * the states it starts from and where it leads, and the roles that may take it.
 */
const EXPECTED: Record<WorkflowAction, { from: WorkflowStatus[]; to: WorkflowStatus; roles: Role[] }> = {
  submit: { from: ["draft", "changes_requested", "withdrawn"], to: "in_review", roles: ["skribent", "redaktor", "utgivare"] },
  request_changes: { from: ["in_review", "approved"], to: "changes_requested", roles: ["utgivare"] },
  approve: { from: ["in_review"], to: "approved", roles: ["utgivare"] },
  publish: { from: ["approved", "scheduled"], to: "published", roles: ["utgivare"] },
  schedule: { from: ["approved"], to: "scheduled", roles: ["utgivare"] },
  unschedule: { from: ["scheduled"], to: "approved", roles: ["utgivare"] },
  withdraw: { from: [], to: "withdrawn", roles: ["utgivare"] },
};

describe("planTransition: every role × state × action", () => {
  for (const action of WORKFLOW_ACTIONS) {
    for (const role of ROLES) {
      for (const status of WORKFLOW_STATUSES) {
        for (const live of [false, true]) {
          it(`${role} ${action} from ${status}${live ? " (live)" : ""}`, () => {
            const plan = planTransition(actor(role), action, { ...base, status, live });
            const expected = EXPECTED[action];
            const stateOk = action === "withdraw" ? live : expected.from.includes(status);
            if (!expected.roles.includes(role)) {
              expect(plan).toMatchObject({ ok: false, code: "FORBIDDEN" });
            } else if (!stateOk) {
              expect(plan).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
            } else {
              expect(plan).toEqual({ ok: true, to: expected.to });
            }
          });
        }
      }
    }
  }
});

describe("planTransition: the rules around the table", () => {
  it("refuses a skribent submitting someone else's text", () => {
    expect(planTransition(actor("skribent"), "submit", { ...base, status: "draft", mayEdit: false })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("lets only those who manage issues submit an issue", () => {
    const issue = { ...base, target: "issue" as const, status: "draft" as const, mayEdit: false };
    expect(planTransition(actor("redaktor"), "submit", issue)).toEqual({ ok: true, to: "in_review" });
    expect(planTransition(actor("skribent"), "submit", issue)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("publishes an article only with its issue, unless the issue is already live", () => {
    const article = { ...base, status: "approved" as const, publishableAlone: false };
    expect(planTransition(actor("utgivare"), "publish", article)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(planTransition(actor("utgivare"), "schedule", article)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(planTransition(actor("utgivare"), "approve", { ...article, status: "in_review" })).toEqual({ ok: true, to: "approved" });
  });

  it("refuses everything to an inactive user and to no user", () => {
    for (const action of WORKFLOW_ACTIONS) {
      expect(planTransition({ id: "u", role: "utgivare", active: false }, action, { ...base, status: "approved", live: true }).ok).toBe(false);
      expect(planTransition(null, action, { ...base, status: "approved", live: true }).ok).toBe(false);
    }
  });

  it("gives Swedish reasons", () => {
    const plan = planTransition(actor("skribent"), "publish", { ...base, status: "approved" });
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/ansvarig utgivare/);
  });

  it("shows the utgivare the actions for a text under review, the skribent none", () => {
    expect(availableActions(actor("utgivare"), { ...base, status: "in_review" })).toEqual(["request_changes", "approve"]);
    expect(availableActions(actor("skribent"), { ...base, status: "in_review" })).toEqual([]);
    expect(availableActions(actor("utgivare"), { ...base, status: "approved" })).toEqual(["request_changes", "publish", "schedule"]);
    expect(availableActions(actor("utgivare"), { ...base, status: "published", live: true })).toEqual(["withdraw"]);
  });
});

describe("approval invalidation on edit", () => {
  it.each([
    ["draft", "draft", false],
    ["in_review", "in_review", false],
    ["changes_requested", "changes_requested", false],
    ["approved", "draft", true],
    ["scheduled", "draft", true],
    ["published", "draft", false],
    ["withdrawn", "draft", false],
  ] as const)("an edit of a %s text leaves it %s (voids approval: %s)", (from, to, voids) => {
    expect(statusAfterEdit(from)).toBe(to);
    expect(editVoidsApproval(from)).toBe(voids);
  });
});
