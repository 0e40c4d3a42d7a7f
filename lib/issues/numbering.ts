/**
 * The next number of a newsletter issue within one publication and year: one past the highest
 * number used so far, so a number freed by a deleted issue is not silently reused mid-year.
 * A year without issues starts at 1.
 */
export function nextIssueNumber(existing: readonly number[]): number {
  return existing.length === 0 ? 1 : Math.max(...existing) + 1;
}

export const MIN_ISSUE_NUMBER = 1;
export const MAX_ISSUE_NUMBER = 999;
