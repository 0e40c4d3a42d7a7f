"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useRef, useState } from "react";
import { creditName } from "@/lib/content/extensions/figure";
import { CREDIT_HINT } from "./block-edit";
import { DIALOG_CLASS } from "./prompt-dialog";

type MediaItem = { id: string; width: number; height: number; alt: string; caption: string; credit: string };

/**
 * "Bild": upload a new image (alt text required) or reuse one from the media library. The image is
 * stored by reference (its media id), never inlined in the document.
 */
export type ChosenMedia = MediaItem;

export function ImageDialog({
  open,
  editor,
  file,
  title = "Bild",
  onChoose,
  onClose,
}: {
  open: boolean;
  editor: Editor;
  file?: File | null;
  title?: string;
  /** Pick an image for something else (the cover) instead of inserting it into the text. */
  onChoose?: (media: MediaItem) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [library, setLibrary] = useState<MediaItem[]>([]);
  const [query, setQuery] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      dialog.showModal();
      if (file && fileInput.current) {
        const transfer = new DataTransfer();
        transfer.items.add(file);
        fileInput.current.files = transfer.files;
      }
    }
    if (!open && dialog.open) dialog.close();
  }, [open, file]);

  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    void fetch(`/api/media?q=${encodeURIComponent(query)}`, { signal: controller.signal })
      .then((r) => r.json() as Promise<{ items?: MediaItem[] }>)
      .then((data) => setLibrary(data.items ?? []))
      .catch(() => undefined);
    return () => controller.abort();
  }, [open, query]);

  const insert = (media: MediaItem) => {
    // Close first: while the modal is open the editor behind it is inert and cannot take focus.
    ref.current?.close();
    if (onChoose) return onChoose(media);
    editor
      .chain()
      .focus()
      .setFigure({ mediaId: media.id, alt: media.alt, caption: media.caption, credit: creditName(media.credit), width: media.width, height: media.height })
      .run();
  };

  const upload = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const chosen = data.get("file");
    if (!(chosen instanceof File) || chosen.size === 0) return setError("Välj en bild att ladda upp.");
    if (!String(data.get("alt") ?? "").trim()) return setError("Skriv en alternativtext som beskriver bilden.");
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/media", { method: "POST", body: data });
      const body = (await response.json().catch(() => ({}))) as MediaItem & { message?: string };
      if (!response.ok) return setError(body.message ?? "Bilden kunde inte laddas upp.");
      insert(body);
    } catch {
      setError("Bilden kunde inte laddas upp: ingen kontakt med servern. Försök igen.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={onClose} className={DIALOG_CLASS}>
      <div className="w-[min(40rem,92vw)] space-y-4 p-6">
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {title}
        </h2>
        {error ? (
          <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-2 text-red-900">
            {error}
          </p>
        ) : null}
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <div>
            <label htmlFor={`${id}-file`} className="block font-semibold">
              Bildfil
            </label>
            <input ref={fileInput} id={`${id}-file`} name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" className="mt-1" />
          </div>
          <div>
            <label htmlFor={`${id}-alt`} className="block font-semibold">
              Alternativtext
            </label>
            <p id={`${id}-alt-hint`} className="text-sm text-muted">
              Beskriv vad bilden visar för den som inte kan se den.
            </p>
            <input
              id={`${id}-alt`}
              name="alt"
              aria-required="true"
              aria-describedby={`${id}-alt-hint`}
              maxLength={300}
              className="mt-1 w-full rounded border border-gray-500 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor={`${id}-caption`} className="block font-semibold">
              Bildtext
            </label>
            <input id={`${id}-caption`} name="caption" maxLength={500} className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
          </div>
          <div>
            <label htmlFor={`${id}-credit`} className="block font-semibold">
              Fotograf
            </label>
            <p id={`${id}-credit-hint`} className="text-sm text-muted">
              {CREDIT_HINT}
            </p>
            <input id={`${id}-credit`} name="credit" aria-describedby={`${id}-credit-hint`} maxLength={200} className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
          </div>
          <div className="flex justify-end gap-2">
            <button type="button" className="rounded border border-gray-500 px-3 py-2" onClick={() => ref.current?.close()}>
              Avbryt
            </button>
            <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
              {busy ? "Laddar upp…" : "Ladda upp och infoga"}
            </button>
          </div>
        </form>
        <section aria-labelledby={`${id}-lib`} className="border-t border-gray-300 pt-3">
          <h3 id={`${id}-lib`} className="font-semibold">
            Mediebiblioteket
          </h3>
          <label htmlFor={`${id}-q`} className="sr-only">
            Sök bland bilderna
          </label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder="Sök bland bilderna"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="mt-1 w-full rounded border border-gray-500 px-3 py-1"
          />
          <ul className="mt-2 grid max-h-64 grid-cols-3 gap-2 overflow-auto">
            {library.map((media) => (
              <li key={media.id}>
                <button type="button" onClick={() => insert(media)} className="block w-full rounded border border-gray-300 p-1 text-left text-xs hover:border-brand">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail from our own media route */}
                  <img src={`/media/${media.id}/480.webp`} alt="" width={media.width} height={media.height} className="h-20 w-full object-cover" />
                  <span className="line-clamp-2">{media.alt}</span>
                </button>
              </li>
            ))}
            {library.length === 0 ? <li className="col-span-3 text-sm text-muted">Inga bilder ännu.</li> : null}
          </ul>
        </section>
      </div>
    </dialog>
  );
}
