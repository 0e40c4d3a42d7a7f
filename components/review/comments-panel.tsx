"use client";

import type { Editor } from "@tiptap/react";
import { useCallback, useEffect, useId, useState } from "react";
import { formatDateTime } from "@/lib/format";
import type { CommentAnchor, CommentThread, CommentView } from "@/lib/review/comments";
import { showPassage, useAnchorStatus, useCommentSelection } from "./use-comment-anchors";

export type CommentsPanelProps = {
  itemId: string;
  /** The editor to highlight passages in and take selections from; without it (the review page) selections come from `[data-review-text]`. */
  editor?: Editor | null;
  /** Show the forms and buttons; the server checks the permission again on every request. */
  canComment: boolean;
};

type Failure = { message?: string };

async function send(url: string, method: "POST" | "PATCH", body: unknown): Promise<string | null> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) return null;
    const data = (await response.json().catch(() => ({}))) as Failure;
    return data.message ?? "Det gick inte att spara. Försök igen.";
  } catch {
    return "Det gick inte att nå servern. Kontrollera anslutningen och försök igen.";
  }
}

const button = "rounded border border-gray-500 px-2 py-1 text-sm";
const primary = "rounded bg-brand px-3 py-1 text-sm font-semibold text-white disabled:opacity-60";

/** A small form whose text survives a failed send; it is cleared only once the server has it. */
function CommentForm(props: { label: string; submitLabel: string; onSubmit: (body: string) => Promise<string | null>; onCancel?: () => void; children?: React.ReactNode }) {
  const id = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!body.trim()) return setError("Skriv en kommentar.");
        setBusy(true);
        const failure = await props.onSubmit(body);
        setBusy(false);
        setError(failure);
        if (!failure) setBody("");
      }}
    >
      {props.children}
      <label htmlFor={id} className="block font-semibold">
        {props.label}
      </label>
      <textarea
        id={id}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={3}
        maxLength={5000}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-fel` : undefined}
        className="w-full rounded border border-gray-500 px-2 py-1"
      />
      {error ? (
        <p id={`${id}-fel`} role="alert" className="text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button type="submit" className={primary} disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel ? (
          <button type="button" className={button} onClick={props.onCancel}>
            Avbryt
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Byline({ comment }: { comment: CommentView }) {
  return (
    <p className="text-sm">
      <span className="font-semibold">{comment.authorName ?? "Borttagen användare"}</span>{" "}
      <time dateTime={comment.createdAt} className="text-muted">
        {formatDateTime(comment.createdAt)}
      </time>
    </p>
  );
}

function Thread(props: {
  thread: CommentThread;
  missing: boolean;
  canComment: boolean;
  onShow: () => void;
  onReply: (body: string) => Promise<string | null>;
  onResolve: () => Promise<void>;
}) {
  const { thread } = props;
  const [replying, setReplying] = useState(false);
  return (
    <li className={`space-y-2 rounded border p-2 ${thread.resolved ? "border-gray-300 bg-gray-50" : "border-gray-400 bg-white"}`}>
      <Byline comment={thread} />
      {thread.anchor ? (
        props.missing ? (
          <p className="text-sm text-muted">
            <q className="line-through">{thread.anchor.text}</q> Avsnittet finns inte längre.
          </p>
        ) : (
          <button type="button" onClick={props.onShow} className="block w-full border-l-4 border-yellow-400 bg-yellow-50 px-2 text-left text-sm">
            <span className="sr-only">Visa avsnittet i texten: </span>
            <q className="line-clamp-3">{thread.anchor.text}</q>
          </button>
        )
      ) : null}
      <p className="whitespace-pre-wrap break-words">{thread.body}</p>
      {thread.replies.length > 0 ? (
        <ol aria-label="Svar" className="space-y-2 border-l-2 border-gray-300 pl-3">
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Byline comment={reply} />
              <p className="whitespace-pre-wrap break-words">{reply.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {thread.resolved ? <p className="text-sm text-muted">Löst{thread.resolvedByName ? ` av ${thread.resolvedByName}` : ""}.</p> : null}
      {props.canComment ? (
        replying ? (
          <CommentForm
            label="Svar"
            submitLabel="Skicka svaret"
            onSubmit={async (body) => {
              const failure = await props.onReply(body);
              if (!failure) setReplying(false);
              return failure;
            }}
            onCancel={() => setReplying(false)}
          />
        ) : (
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => setReplying(true)}>
              Svara
            </button>
            <button type="button" className={button} onClick={() => void props.onResolve()}>
              {thread.resolved ? "Öppna igen" : "Markera som löst"}
            </button>
          </div>
        )
      ) : null}
    </li>
  );
}

/**
 * "Kommentarer": the review threads of a text, beside the editor or on the review page. Open threads
 * first; resolved ones are kept, folded away, so that the conversation stays on record.
 */
export function CommentsPanel({ itemId, editor = null, canComment }: CommentsPanelProps) {
  const headingId = useId();
  const url = `/api/texter/${itemId}/kommentarer`;
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attach, setAttach] = useState(true);
  const selection = useCommentSelection(editor);
  const missing = useAnchorStatus(editor, threads);

  const load = useCallback(async () => {
    try {
      const response = await fetch(url, { cache: "no-store" });
      const data = (await response.json().catch(() => ({}))) as { threads?: CommentThread[] } & Failure;
      if (!response.ok || !data.threads) throw new Error(data.message ?? "Kunde inte hämta kommentarerna.");
      setThreads(data.threads);
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Kunde inte hämta kommentarerna.");
    }
  }, [url]);

  useEffect(() => void load(), [load]);

  const add = async (body: string, anchor: CommentAnchor | null) => {
    const failure = await send(url, "POST", { body, ...(anchor ? { anchor } : {}) });
    if (!failure) await load();
    return failure;
  };
  const reply = async (parentId: string, body: string) => {
    const failure = await send(url, "POST", { body, parentId });
    if (!failure) await load();
    return failure;
  };
  const resolve = async (thread: CommentThread) => {
    const failure = await send(`${url}/${thread.id}`, "PATCH", { resolved: !thread.resolved });
    setError(failure);
    if (!failure) await load();
  };

  const open = threads?.filter((t) => !t.resolved) ?? [];
  const resolved = threads?.filter((t) => t.resolved) ?? [];
  const list = (items: CommentThread[], label: string) => (
    <ol aria-label={label} className="space-y-3">
      {items.map((thread) => (
        <Thread
          key={thread.id}
          thread={thread}
          missing={missing.has(thread.id)}
          canComment={canComment}
          onShow={() => showPassage(editor, thread)}
          onReply={(body) => reply(thread.id, body)}
          onResolve={() => resolve(thread)}
        />
      ))}
    </ol>
  );
  const anchor = attach ? selection : null;

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-gray-300 bg-white p-3">
      <h2 id={headingId} className="font-bold">
        Kommentarer
      </h2>
      {error ? (
        <div role="alert" className="text-sm text-red-800">
          <p>{error}</p>
          {threads === null ? (
            <button type="button" className={button} onClick={() => void load()}>
              Försök igen
            </button>
          ) : null}
        </div>
      ) : null}
      {threads === null ? (
        error ? null : (
          <p className="text-sm text-muted">Hämtar kommentarer …</p>
        )
      ) : open.length === 0 ? (
        <p className="text-sm text-muted">Inga öppna kommentarer.</p>
      ) : (
        list(open, "Öppna kommentarer")
      )}
      {resolved.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-semibold">Lösta kommentarer ({resolved.length})</summary>
          <div className="mt-2">{list(resolved, "Lösta kommentarer")}</div>
        </details>
      ) : null}
      {canComment ? (
        <div className="border-t border-gray-300 pt-3">
          <h3 className="font-semibold">Ny kommentar</h3>
          <CommentForm label="Kommentar" submitLabel="Kommentera" onSubmit={(body) => add(body, anchor)}>
            {selection ? (
              <div className="space-y-1 text-sm">
                <label className="flex items-center gap-2">
                  <input type="checkbox" checked={attach} onChange={(e) => setAttach(e.target.checked)} />
                  Knyt till markerad text
                </label>
                {attach ? (
                  <blockquote className="line-clamp-3 border-l-4 border-yellow-400 bg-yellow-50 px-2">
                    <q>{selection.text}</q>
                  </blockquote>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-muted">Markera text för att kommentera ett visst avsnitt.</p>
            )}
          </CommentForm>
        </div>
      ) : null}
    </section>
  );
}
