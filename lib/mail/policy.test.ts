import { describe, expect, it } from "vitest";
import { afterFailure, claimIsAbandoned, classifyFailure, failureReason, formatWorkerId, MAX_SEND_ATTEMPTS, parseWorkerId, sendRetryDelayMs } from "./policy";

const smtpError = (responseCode: number) => Object.assign(new Error(`${responseCode} nej`), { responseCode });
const codeError = (code: string) => Object.assign(new Error(code), { code });

describe("classifyFailure", () => {
  it("treats 5xx as permanent and 4xx as temporary", () => {
    expect(classifyFailure(smtpError(550))).toBe("permanent");
    expect(classifyFailure(smtpError(554))).toBe("permanent");
    expect(classifyFailure(smtpError(451))).toBe("temporary");
    expect(classifyFailure(smtpError(421))).toBe("temporary");
  });
  it("retries broken connections and anything unrecognised", () => {
    for (const code of ["ECONNECTION", "ETIMEDOUT", "ECONNRESET"]) expect(classifyFailure(codeError(code))).toBe("temporary");
    expect(classifyFailure(new Error("något"))).toBe("temporary");
    expect(classifyFailure(null)).toBe("temporary");
  });
});

describe("afterFailure", () => {
  const now = new Date("2026-12-01T08:00:00Z");
  it("backs off 1, 2, 4, 8 minutes and gives up at the fifth attempt", () => {
    expect([1, 2, 3, 4].map(sendRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(afterFailure("temporary", 1, now)).toEqual({ status: "queued", nextAttemptAt: new Date(now.getTime() + 60_000) });
    expect(afterFailure("temporary", MAX_SEND_ATTEMPTS - 1, now).status).toBe("queued");
    expect(afterFailure("temporary", MAX_SEND_ATTEMPTS, now)).toEqual({ status: "failed" });
  });
  it("never retries a permanent failure", () => {
    expect(afterFailure("permanent", 1, now)).toEqual({ status: "failed" });
  });
});

describe("failureReason", () => {
  it("keeps one short line", () => {
    expect(failureReason(new Error("550 5.1.1\n  Okänd   mottagare"))).toBe("550 5.1.1 Okänd mottagare");
    expect(failureReason(new Error("x".repeat(900)))).toHaveLength(500);
  });
});

describe("claimIsAbandoned", () => {
  const self = { host: "app-1", pid: 100, start: "kx1" };
  const now = new Date("2026-12-01T08:00:00Z");
  const recent = new Date(now.getTime() - 5_000);
  const old = new Date(now.getTime() - 11 * 60_000);
  const alive = (pids: number[]) => (pid: number) => pids.includes(pid);

  it("round-trips worker ids, hosts with colons included", () => {
    expect(parseWorkerId(formatWorkerId({ host: "::1", pid: 7, start: "a" }))).toEqual({ host: "::1", pid: 7, start: "a" });
    expect(parseWorkerId("nonsense")).toBeNull();
  });
  it("keeps our own claims and a live worker's on our host", () => {
    expect(claimIsAbandoned({ claimedBy: formatWorkerId(self), claimedAt: old }, self, now, alive([]))).toBe(false);
    expect(claimIsAbandoned({ claimedBy: "app-1:200:z", claimedAt: recent }, self, now, alive([200]))).toBe(false);
  });
  it("gives up on a dead pid, on our pid from an earlier start, and on an old claim", () => {
    expect(claimIsAbandoned({ claimedBy: "app-1:200:z", claimedAt: recent }, self, now, alive([]))).toBe(true);
    expect(claimIsAbandoned({ claimedBy: "app-1:100:earlier", claimedAt: recent }, self, now, alive([100]))).toBe(true);
    expect(claimIsAbandoned({ claimedBy: "app-2:200:z", claimedAt: old }, self, now, alive([200]))).toBe(true);
  });
  it("cannot ask another host: a recent claim there stands", () => {
    expect(claimIsAbandoned({ claimedBy: "app-2:200:z", claimedAt: recent }, self, now, alive([]))).toBe(false);
  });
});
