import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { createLogger, type LogLevel } from "@/lib/log/log.mjs";
import { scheduleJob } from "../queue";
import { workOnce } from "./worker";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.close();
});

function capture() {
  const lines: { level: LogLevel; record: Record<string, unknown> }[] = [];
  return { lines, logger: createLogger((level, line) => lines.push({ level, record: JSON.parse(line) })) };
}

describe("the worker's log lines", () => {
  it("are one line per job run, with its id, kind, outcome and duration; a failure is a warning until the last attempt", async () => {
    const now = new Date();
    const jobId = await scheduleJob(t.db, { kind: "publish.item", payload: { itemId: randomUUID() }, runAt: new Date(now.getTime() - 1000), createdBy: null });
    const { lines, logger } = capture();
    await workOnce(
      t.db,
      now,
      async () => {
        throw new Error("Förnyelsen nekades för anna@exempelby.se");
      },
      logger,
    );

    const runs = lines.filter((line) => line.record.event === "job.run");
    expect(runs).toHaveLength(1);
    expect(runs[0]!.level).toBe("warn");
    expect(runs[0]!.record).toMatchObject({ jobId, kind: "publish.item", outcome: "retry", attempts: 1, durationMs: expect.any(Number) });
    expect((runs[0]!.record.error as { message: string }).message).toBe("Förnyelsen nekades för [e-postadress]");
    expect(JSON.stringify(lines)).not.toContain("anna@");
  });

  it("logs a job that succeeds as done", async () => {
    const now = new Date();
    const jobId = await scheduleJob(t.db, { kind: "publish.item", payload: { itemId: randomUUID() }, runAt: new Date(now.getTime() - 1000), createdBy: null });
    const { lines, logger } = capture();
    await workOnce(t.db, now, async () => {}, logger);
    expect(lines.find((line) => line.record.jobId === jobId)).toMatchObject({ level: "info", record: { event: "job.run", kind: "publish.item", outcome: "done" } });
  });
});
