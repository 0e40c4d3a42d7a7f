import { describe, expect, it } from "vitest";
import { cleanPath, createLogger, EMAIL_PLACEHOLDER, logRecord, scrub, TOKEN_PLACEHOLDER, type LogLevel } from "./log.mjs";

const at = new Date("2026-11-29T12:00:00.000Z");

function capture() {
  const lines: { level: LogLevel; line: string }[] = [];
  return { lines, logger: createLogger((level, line) => lines.push({ level, line })) };
}

describe("logRecord", () => {
  it("is time, level, event and the given fields", () => {
    expect(logRecord("info", "job.run", { jobId: "j-1", kind: "publish.item", outcome: "done", durationMs: 12.6, attempts: 1 }, at)).toEqual({
      time: "2026-11-29T12:00:00.000Z",
      level: "info",
      event: "job.run",
      jobId: "j-1",
      kind: "publish.item",
      outcome: "done",
      durationMs: 13,
      attempts: 1,
    });
  });

  it("drops every field outside its list, so a caller cannot log a person by accident", () => {
    const record = logRecord("info", "x", { email: "anna@exempelby.se", name: "Anna", body: "<p>text</p>", to: "a@b.se", user: { id: 1 } } as never, at);
    expect(Object.keys(record).sort()).toEqual(["event", "level", "time"]);
  });

  it("keeps only numeric counts with plain names", () => {
    const record = logRecord("info", "mail.pass", { counts: { sent: 3, failed: 0, "anna@x.se": 1, note: "x" as unknown as number } }, at);
    expect(record.counts).toEqual({ sent: 3, failed: 0 });
  });

  it("replaces e-mail addresses in messages and errors, Swedish letters included", () => {
    const error = new Error("550 5.1.1 <åsa.ström@exempelby.se>: Recipient address rejected");
    const record = logRecord("error", "mail.failed", { message: "till anna+nyhet@kommun.example.se", error }, at);
    expect(record.message).toBe(`till ${EMAIL_PLACEHOLDER}`);
    expect(record.error?.message).toBe(`550 5.1.1 <${EMAIL_PLACEHOLDER}>: Recipient address rejected`);
    expect(record.error?.stack).not.toContain("exempelby.se");
    expect(record.error?.name).toBe("Error");
  });

  it("keeps file paths in stacks, which look a little like addresses", () => {
    expect(scrub("at file:///app/node_modules/@electric-sql/pglite/dist/index.js:1:2")).toBe("at file:///app/node_modules/@electric-sql/pglite/dist/index.js:1:2");
  });

  it("gives an error's digest, and describes a thrown non-error", () => {
    const error = Object.assign(new Error("boom"), { digest: "1234567890" });
    expect(logRecord("error", "x", { error }, at).error?.digest).toBe("1234567890");
    expect(logRecord("error", "x", { error: "just a string" }, at).error).toEqual({ name: "NonError", message: "just a string" });
  });

  it("cuts long text", () => {
    const record = logRecord("info", "x", { kind: "k".repeat(5000), message: "m".repeat(5000) }, at);
    expect(record.kind!.length).toBeLessThan(600);
    expect(record.message!.length).toBeLessThan(2100);
  });
});

describe("cleanPath", () => {
  it("drops the query string and fragment", () => {
    expect(cleanPath("/prenumerera?epost=anna@exempelby.se#x")).toBe("/prenumerera");
  });

  it("hides link tokens but keeps slugs and ids", () => {
    expect(cleanPath("/prenumerera/avsluta/3Kq9x_Vb2Lr8TtYw0pZ-aQ7mN1cE5dHfGiJkLsUoRvW")).toBe(`/prenumerera/avsluta/${TOKEN_PLACEHOLDER}`);
    expect(cleanPath("/redaktion/granska/lank/0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60.Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789_-abcd")).toBe(
      `/redaktion/granska/lank/${TOKEN_PLACEHOLDER}`,
    );
    expect(cleanPath("/nyhetsbrev/2026/11/budgeten-for-2027-antagen-av-fullmaktige")).toBe("/nyhetsbrev/2026/11/budgeten-for-2027-antagen-av-fullmaktige");
    expect(cleanPath("/redaktion/texter/0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60")).toBe("/redaktion/texter/0b7c1e1a-7d2c-4f6e-9a55-1b2c3d4e5f60");
  });
});

describe("createLogger", () => {
  it("writes one JSON line per event: info to the out stream, warnings and errors to the error stream", () => {
    const { lines, logger } = capture();
    logger.info("a", { requestId: "r-1" });
    logger.warn("b");
    logger.error("c", { error: new Error("multi\nline") });
    expect(lines.map((l) => l.level)).toEqual(["info", "warn", "error"]);
    for (const { line } of lines) {
      expect(line).not.toContain("\n");
      expect(JSON.parse(line)).toMatchObject({ time: expect.any(String), event: expect.any(String) });
    }
    expect(JSON.parse(lines[2]!.line).error.message).toBe("multi\nline");
  });

  it("never throws, even when the sink does", () => {
    const logger = createLogger(() => {
      throw new Error("disk full");
    });
    expect(() => logger.error("x", { error: new Error("y") })).not.toThrow();
  });
});
