import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailMessages } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { bodyForViewer, getMailMessage, HIDDEN_LINK, hideOneTimeLinks, listOutbox, OUTBOX_PAGE_SIZE, parsePage } from "./outbox";

describe("parsePage", () => {
  it("reads ?sida and falls back to the first page", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage(["2", "5"])).toBe(2);
    for (const bad of [undefined, "", "0", "-1", "1.5", "abc", "99999999"]) expect(parsePage(bad)).toBe(1);
  });
});

describe("one-time links", () => {
  const token = "a".repeat(20) + "_-" + "B9".repeat(12);
  const text = `Granska: http://localhost:3000/redaktion/texter/0b7c7a4e-6a7e-4c53-9d1c-1f0a2b3c4d5e\nGodkänn: http://localhost:3000/godkann/0b7c7a4e.${token}\n`;

  it("hides links carrying a long token but keeps ordinary links, UUIDs included", () => {
    expect(hideOneTimeLinks(text)).toBe(`Granska: http://localhost:3000/redaktion/texter/0b7c7a4e-6a7e-4c53-9d1c-1f0a2b3c4d5e\nGodkänn: ${HIDDEN_LINK}\n`);
  });

  it("shows the recipient the whole message, other staff without one-time links", () => {
    expect(bodyForViewer({ to: "Utgivare@Exempelby.test", text }, "utgivare@exempelby.test")).toBe(text);
    expect(bodyForViewer({ to: "utgivare@exempelby.test", text }, "redaktor@exempelby.test")).toContain(HIDDEN_LINK);
    // An administrator reads the invitations they send, never a reset link.
    expect(bodyForViewer({ to: "ny@exempelby.test", text, kind: "user.invite" }, "admin@exempelby.test", true)).toBe(text);
    expect(bodyForViewer({ to: "ny@exempelby.test", text, kind: "user.invite" }, "redaktor@exempelby.test", false)).toContain(HIDDEN_LINK);
    expect(bodyForViewer({ to: "utgivare@exempelby.test", text, kind: "user.reset" }, "admin@exempelby.test", true)).toContain(HIDDEN_LINK);
  });
});

describe("listOutbox", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const start = Date.UTC(2026, 0, 1);
    await t.db.insert(mailMessages).values(
      Array.from({ length: OUTBOX_PAGE_SIZE + 5 }, (_, n) => ({
        to: `m${n}@exempelby.test`,
        subject: `Meddelande ${n}`,
        text: "Hej",
        kind: "item.submitted",
        createdAt: new Date(start + n * 60_000),
      })),
    );
  });
  afterAll(() => t.close());

  it("pages newest first, fifty to a page", async () => {
    const first = await listOutbox(t.db, 1);
    expect(first).toMatchObject({ total: OUTBOX_PAGE_SIZE + 5, pageCount: 2 });
    expect(first.rows).toHaveLength(OUTBOX_PAGE_SIZE);
    expect(first.rows[0]!.subject).toBe(`Meddelande ${OUTBOX_PAGE_SIZE + 4}`);
    const second = await listOutbox(t.db, 2);
    expect(second.rows.map((r) => r.subject)).toEqual([4, 3, 2, 1, 0].map((n) => `Meddelande ${n}`));
    expect((await listOutbox(t.db, 3)).rows).toEqual([]);
  });

  it("reads one message, or null", async () => {
    const [row] = (await listOutbox(t.db, 1)).rows;
    expect(await getMailMessage(t.db, row!.id)).toMatchObject({ subject: row!.subject, text: "Hej" });
    expect(await getMailMessage(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
