"use client";

import { useEffect, useState, type RefObject } from "react";
import type { EditorActions } from "./actions";
import type { DiffLine } from "@/lib/content/diff";
import { formatDateTime } from "@/lib/format";
import { DiffView } from "./diff-view";

type Version = { id: string; number: number; createdAt: string; authorName: string | null };

/** "Versioner": every saved version, who saved it and when; compare any two; restore an old one. */
export function VersionsPanel({
  id,
  version,
  savedCount,
  restoreRevision,
}: {
  id: string;
  version: RefObject<number>;
  savedCount: number;
  restoreRevision: EditorActions["restoreRevision"];
}) {
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<Version[]>([]);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [diff, setDiff] = useState<DiffLine[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    void fetch(`/api/texter/${id}/versioner`)
      .then((r) => r.json() as Promise<{ versions?: Version[] }>)
      .then((data) => {
        const list = data.versions ?? [];
        setVersions(list);
        setTo((current) => current || list[0]?.id || "");
        setFrom((current) => current || list[1]?.id || list[0]?.id || "");
      })
      .catch(() => setMessage("Kunde inte hämta versionerna."));
  }, [open, id, savedCount]);

  const compare = async () => {
    const response = await fetch(`/api/texter/${id}/versioner?fran=${from}&till=${to}`);
    const data = (await response.json()) as { diff?: DiffLine[]; message?: string };
    if (data.diff) setDiff(data.diff);
    else setMessage(data.message ?? "Kunde inte jämföra.");
  };

  const restore = async (revisionId: string, number: number) => {
    const result = await restoreRevision({ id, revisionId, baseVersion: version.current });
    if (result.ok) {
      window.location.reload();
    } else {
      setMessage(result.message);
    }
    void number;
  };

  const label = (v: Version) => `Version ${v.number}, ${formatDateTime(v.createdAt)}${v.authorName ? `, ${v.authorName}` : ""}`;

  return (
    <section aria-labelledby="versioner-rubrik" className="rounded border border-gray-300 bg-white p-3">
      <h2 id="versioner-rubrik" className="font-bold">
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="w-full text-left">
          Versioner {open ? "▾" : "▸"}
        </button>
      </h2>
      {open ? (
        <div className="mt-2 space-y-3 text-sm">
          {message ? (
            <p role="alert" className="text-red-800">
              {message}
            </p>
          ) : null}
          <ol className="max-h-60 space-y-1 overflow-auto">
            {versions.map((v, index) => (
              <li key={v.id} className="flex items-center justify-between gap-2">
                <span>{label(v)}</span>
                {index > 0 ? (
                  <button
                    type="button"
                    className="shrink-0 rounded border border-gray-500 px-2"
                    onClick={() => void restore(v.id, v.number)}
                    aria-label={`Återställ version ${v.number}`}
                  >
                    Återställ
                  </button>
                ) : (
                  <span className="text-muted">(senaste)</span>
                )}
              </li>
            ))}
          </ol>
          {versions.length > 1 ? (
            <div className="space-y-2">
              <label className="block">
                Jämför från
                <select value={from} onChange={(e) => setFrom(e.target.value)} className="mt-1 w-full rounded border border-gray-500">
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.number}
                    </option>
                  ))}
                </select>
              </label>
              <label className="block">
                till
                <select value={to} onChange={(e) => setTo(e.target.value)} className="mt-1 w-full rounded border border-gray-500">
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      Version {v.number}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="rounded bg-brand px-3 py-1 font-semibold text-white" onClick={() => void compare()}>
                Visa skillnader
              </button>
              {diff ? <DiffView lines={diff} /> : null}
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
