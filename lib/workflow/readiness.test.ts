import { describe, expect, it } from "vitest";
import { doc, h, p } from "@/lib/content/build";
import { articleStateProblem, issueReadinessProblems } from "./readiness";

const written = { title: "Simhallen renoveras", lead: "Ingress.", body: doc(h(2, "Bakgrund"), p("Text.")), warningOverrides: [] };
const SUBMITTED = new Date("2026-11-20T09:00:00Z");

describe("articleStateProblem", () => {
  it("holds the issue back for a draft its writer has not sent, and for changes requested", () => {
    expect(articleStateProblem({ status: "draft", submittedAt: null })).toBe("Artikeln är ett utkast som inte har skickats för granskning.");
    expect(articleStateProblem({ status: "changes_requested", submittedAt: SUBMITTED })).toMatch(/^Ändringar är begärda i artikeln\./);
  });

  it("lets through an article sent for review, and a draft whose approval an edit voided", () => {
    for (const status of ["in_review", "approved", "scheduled", "published", "withdrawn"] as const) {
      expect(articleStateProblem({ status, submittedAt: SUBMITTED })).toBeNull();
    }
    expect(articleStateProblem({ status: "draft", submittedAt: SUBMITTED })).toBeNull();
  });
});

describe("issueReadinessProblems", () => {
  it("names the article each reason belongs to", () => {
    expect(
      issueReadinessProblems([
        { ...written, status: "in_review", submittedAt: SUBMITTED },
        { ...written, title: "Julmarknad", status: "draft", submittedAt: null },
      ]),
    ).toEqual(["Julmarknad: Artikeln är ett utkast som inte har skickats för granskning."]);
    expect(issueReadinessProblems([])).toEqual(["Numret har inga artiklar."]);
  });
});
