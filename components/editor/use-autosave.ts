"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ServerCopy } from "@/lib/editorial/save-text";
import { formatWhen } from "@/lib/format";
import { registerSaveFlusher } from "./pending-save";

export type Snapshot = {
  title: string;
  lead: string;
  /** "" when none is written; the server stores that as none. */
  description: string;
  slug: string;
  tags: string[];
  coverMediaId: string | null;
  body: unknown;
};

export type SaveStatus =
  | { kind: "saved"; at: Date }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "retrying"; message: string }
  | { kind: "invalid"; message: string; fieldErrors: Record<string, string[]> }
  | { kind: "conflict"; current: ServerCopy };

const DEBOUNCE_MS = 2000;
const BACKUP_DELAY_MS = 300;
const MAX_RETRY_MS = 30_000;
/** Browsers refuse keepalive requests over 64 kB; larger texts rely on the local backup instead. */
const KEEPALIVE_LIMIT = 60_000;

/** The save request: the editor's content and the version it was based on (the server checks it). */
export function sendSave(id: string, body: string, options: { keepalive?: boolean } = {}): Promise<Response> {
  return fetch(`/api/texter/${id}`, { method: "PUT", headers: { "content-type": "application/json" }, body, ...options });
}

export function saveBody(snapshot: Snapshot, baseVersion: number): string {
  return JSON.stringify({ ...snapshot, baseVersion });
}

export const backupKey = (id: string) => `kommunbladet:osparat:${id}`;
export type Backup = { baseVersion: number; snapshot: Snapshot; at: string };

/**
 * Saves a few seconds after typing stops, when the tab is hidden and when the page is left. Every
 * change is also kept in localStorage until the server has it, so that nothing typed is lost to a
 * network error, an expired session or a closed tab. A save carries the version it was based on.
 */
export function useAutosave(id: string, initialVersion: number, getSnapshot: () => Snapshot, initialSavedAt: Date) {
  const [status, setStatus] = useState<SaveStatus>({ kind: "saved", at: initialSavedAt });
  const version = useRef(initialVersion);
  const changeCount = useRef(0);
  const savedCount = useRef(0);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryDelay = useRef(2000);
  const paused = useRef(false);
  /** Paused because the server refused the content (too long, an address in use): an edit may fix it. */
  const refused = useRef(false);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const schedule = useCallback((delay: number, run: () => void) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(run, delay);
  }, []);

  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current || paused.current || savedCount.current === changeCount.current) return;
    inFlight.current = true;
    const count = changeCount.current;
    const snapshot = getSnapshot();
    setStatus({ kind: "saving" });
    try {
      const response = await sendSave(id, saveBody(snapshot, version.current));
      const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (response.ok && data.status === "saved") {
        version.current = Number(data.version);
        savedCount.current = count;
        retryDelay.current = 2000;
        if (changeCount.current === count) localStorage.removeItem(backupKey(id));
        setStatus(changeCount.current === count ? { kind: "saved", at: new Date(String(data.savedAt)) } : { kind: "dirty" });
      } else if (response.status === 409 && data.status === "conflict") {
        paused.current = true;
        setStatus({ kind: "conflict", current: data.current as ServerCopy });
      } else if (response.status === 400) {
        paused.current = true;
        refused.current = true;
        setStatus({
          kind: "invalid",
          message: String(data.message ?? "Texten kunde inte sparas."),
          fieldErrors: (data.fieldErrors as Record<string, string[]>) ?? {},
        });
      } else {
        throw new Error(response.status === 401 ? "Du är utloggad. Logga in i en ny flik – texten finns kvar här." : `HTTP ${response.status}`);
      }
    } catch (error) {
      const message = error instanceof Error && error.message.startsWith("Du är") ? error.message : "Kunde inte spara – försöker igen";
      setStatus({ kind: "retrying", message });
      retryDelay.current = Math.min(retryDelay.current * 2, MAX_RETRY_MS);
      schedule(retryDelay.current, () => void save());
    } finally {
      inFlight.current = false;
    }
    if (!paused.current && savedCount.current !== changeCount.current && count === savedCount.current) {
      schedule(DEBOUNCE_MS, () => void save());
    }
  }, [getSnapshot, id, schedule]);

  const writeBackup = useCallback(() => {
    if (savedCount.current === changeCount.current) return;
    const backup: Backup = { baseVersion: version.current, snapshot: getSnapshot(), at: new Date().toISOString() };
    try {
      localStorage.setItem(backupKey(id), JSON.stringify(backup));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }, [getSnapshot, id]);

  /** Call on every change. */
  const markChanged = useCallback(() => {
    changeCount.current++;
    // Serializing a long document on every keystroke costs a frame: back up shortly after instead.
    clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(writeBackup, BACKUP_DELAY_MS);
    // After a refused save the writer's next edit is likely the fix (a shortened description, another
    // address): try again. A conflict stays paused until the writer has chosen in its dialog.
    if (refused.current) {
      refused.current = false;
      paused.current = false;
    }
    if (paused.current) return;
    // Returning the same object lets React skip re-rendering the editor on every keystroke.
    setStatus((current) => (current.kind === "retrying" || current.kind === "dirty" ? current : { kind: "dirty" }));
    schedule(DEBOUNCE_MS, () => void save());
  }, [save, schedule, writeBackup]);

  /** After a conflict or a refused save has been dealt with: continue from the given server version. */
  const resume = useCallback(
    (serverVersion: number) => {
      version.current = serverVersion;
      paused.current = false;
      changeCount.current++;
      void save();
    },
    [save],
  );

  useEffect(() => {
    const flush = () => {
      writeBackup();
      if (savedCount.current === changeCount.current || paused.current) return;
      const body = saveBody(getSnapshot(), version.current);
      if (body.length < KEEPALIVE_LIMIT) void sendSave(id, body, { keepalive: true });
    };
    const onHide = () => {
      if (document.visibilityState === "hidden") flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (savedCount.current !== changeCount.current) event.preventDefault();
    };
    const onOnline = () => void save();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("online", onOnline);
      clearTimeout(timer.current);
      clearTimeout(backupTimer.current);
    };
  }, [getSnapshot, id, save, writeBackup]);

  useEffect(
    () =>
      registerSaveFlusher(async () => {
        // Up to ~20 s: a slow save finishes, a debounced one is sent at once.
        for (let attempt = 0; attempt < 200; attempt++) {
          if (paused.current) return false;
          if (savedCount.current === changeCount.current && !inFlight.current) return true;
          if (inFlight.current) await new Promise((resolve) => setTimeout(resolve, 100));
          else {
            clearTimeout(timer.current);
            await save();
            if (savedCount.current !== changeCount.current && !inFlight.current) await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        return false;
      }),
    [save],
  );

  return { status, markChanged, saveNow: save, resume, version };
}

/**
 * "Sparat kl. 14.02" and friends: the words people are told to look for. Swedish time, written as
 * the rest of the interface writes it: the browser's own clock once said 21:35 beside a page's 22.35.
 */
export function statusText(status: SaveStatus, now: Date = new Date()): string {
  switch (status.kind) {
    case "saved":
      return `Sparat ${formatWhen(status.at, now)}`;
    case "dirty":
      return "Ändrat – sparas strax";
    case "saving":
      return "Sparar…";
    case "retrying":
      return status.message;
    case "invalid":
      return `Kunde inte spara: ${status.message}`;
    case "conflict":
      return "Kunde inte spara – någon annan har ändrat texten";
  }
}
