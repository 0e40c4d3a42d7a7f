"use client";

import type { JSONContent } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Byline, WarningOverride } from "@/db/schema";
import { isAllowedHref } from "@/lib/content/extensions";
import { sanitizePastedHtml } from "@/lib/content/paste";
import { formatDateTime } from "@/lib/format";
import { CommentsPanel } from "@/components/review/comments-panel";
import type { EditorActions } from "./actions";
import { AuthorsPanel } from "./authors-panel";
import { DescriptionField } from "./description-field";
import { ACTION_KIND, BlockEditDialogs, editableAtSelection, type BlockEdit, type EditableKind } from "./block-edit";
import { CommentHighlights } from "@/components/review/comment-highlights";
import { ConflictDialog } from "./conflict-dialog";
import { editorExtensions } from "./extensions";
import { ImageDialog } from "./image-dialog";
import { PromptDialog } from "./prompt-dialog";
import { createSlashMenu } from "./slash-menu";
import { Toolbar, type ToolbarAction } from "./toolbar";
import { backupKey, saveBody, sendSave, statusText, useAutosave, type Backup, type Snapshot } from "./use-autosave";
import { VersionsPanel } from "./versions-panel";
import { WritingHelp } from "./writing-help";

export type TextEditorProps = {
  id: string;
  version: number;
  savedAt: string;
  title: string;
  lead: string;
  description: string | null;
  slug: string;
  tags: string[];
  cover: { id: string; alt: string } | null;
  body: JSONContent;
  where: string;
  signer: { name: string; title: string };
  warningOverrides: WarningOverride[];
  byline: Byline[];
  staff: { id: string; name: string; jobTitle: string }[];
  actions: EditorActions;
};

/** One save outside the autosave loop (conflict resolution); throws with a Swedish message on failure. */
async function putText(id: string, snapshot: Snapshot, baseVersion: number): Promise<{ version: number }> {
  const response = await sendSave(id, saveBody(snapshot, baseVersion));
  const data = (await response.json().catch(() => ({}))) as { status?: string; version?: number; message?: string };
  if (!response.ok || data.status !== "saved") throw new Error(data.message ?? "Kunde inte spara. Försök igen.");
  return { version: Number(data.version) };
}

export function TextEditor(props: TextEditorProps) {
  const [title, setTitle] = useState(props.title);
  const [lead, setLead] = useState(props.lead);
  const [description, setDescription] = useState(props.description ?? "");
  const [slug, setSlug] = useState(props.slug);
  const [tags, setTags] = useState(props.tags.join(", "));
  const [dialog, setDialog] = useState<ToolbarAction | "cover" | null>(null);
  const [backup, setBackup] = useState<Backup | null>(null);
  const [pendingFile, setPendingFile] = useState<File | null>(null);
  const [cover, setCover] = useState(props.cover);
  const coverRef = useRef(cover);
  coverRef.current = cover;
  const fields = useRef({ title, lead, description, slug, tags });
  fields.current = { title, lead, description, slug, tags };

  const [editing, setEditing] = useState<BlockEdit | null>(null);
  const editBlock = useRef(setEditing);
  // A toolbar button or "/" item pressed on a block of its own kind edits that block.
  const act = (action: ToolbarAction) => {
    const current = editor ? editableAtSelection(editor) : null;
    if (current && ACTION_KIND[action] === current.kind) setEditing(current);
    else setDialog(action);
  };
  const openDialog = useRef<(action: ToolbarAction) => void>(act);
  openDialog.current = act;
  const [extensions] = useState(() => [...editorExtensions, createSlashMenu(openDialog), CommentHighlights]);

  const editor = useEditor({
    extensions,
    content: props.body,
    immediatelyRender: false,
    editorProps: {
      attributes: { "aria-label": "Brödtext", role: "textbox", "aria-multiline": "true", class: "rich-text editor-area" },
      transformPastedHTML: sanitizePastedHtml,
      // Dropped or pasted image files go through the upload dialog (alt text is required), never inline.
      handleDrop: (_view, event) => takeImage((event as DragEvent).dataTransfer?.files),
      handlePaste: (_view, event) => takeImage(event.clipboardData?.files),
      // Clicking an image or a signature opens its details, as does clicking a fact box's title:
      // the texts typed into the insert dialog can be corrected afterwards.
      handleClickOn: (_view, _pos, node, nodePos, event) => {
        const kind = node.type.name;
        const onTitle = kind === "infoBox" && event.target instanceof Element && event.target.closest(".info-box__title");
        if (kind !== "figure" && kind !== "signature" && !onTitle) return false;
        editBlock.current({ kind: kind as EditableKind, pos: nodePos, attrs: { ...node.attrs } });
        return true;
      },
      // The keyboard's way to the same dialog: Enter on a selected image or signature.
      handleKeyDown: (view, event) => {
        if (event.key !== "Enter" || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
        const { selection } = view.state;
        if (!(selection instanceof NodeSelection) || !["figure", "signature"].includes(selection.node.type.name)) return false;
        editBlock.current({ kind: selection.node.type.name as EditableKind, pos: selection.from, attrs: { ...selection.node.attrs } });
        return true;
      },
    },
    onUpdate: () => changed.current(),
  });

  function takeImage(files: FileList | null | undefined): boolean {
    const image = Array.from(files ?? []).find((file) => file.type.startsWith("image/"));
    if (!image) return false;
    setPendingFile(image);
    setDialog("image");
    return true;
  }

  const getSnapshot = useCallback((): Snapshot => {
    const f = fields.current;
    return {
      title: f.title,
      lead: f.lead,
      description: f.description,
      slug: f.slug,
      tags: f.tags
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      coverMediaId: coverRef.current?.id ?? null,
      body: editor?.getJSON() ?? props.body,
    };
  }, [editor, props.body]);

  const autosave = useAutosave(props.id, props.version, getSnapshot, new Date(props.savedAt));
  const changed = useRef(autosave.markChanged);
  changed.current = autosave.markChanged;

  // An unsaved local copy newer than the server's means the tab was closed or the network failed.
  useEffect(() => {
    const raw = localStorage.getItem(backupKey(props.id));
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as Backup;
      // Any field the server's copy lacks counts: an unsaved lead or description is as much work lost as the body.
      const differs =
        JSON.stringify(stored.snapshot.body) !== JSON.stringify(props.body) ||
        stored.snapshot.title !== props.title ||
        stored.snapshot.lead !== props.lead ||
        (stored.snapshot.description ?? "") !== (props.description ?? "");
      if (differs) setBackup(stored);
      else localStorage.removeItem(backupKey(props.id));
    } catch {
      localStorage.removeItem(backupKey(props.id));
    }
  }, [props.id, props.body, props.title, props.lead, props.description]);

  const load = (snapshot: Snapshot) => {
    setTitle(snapshot.title);
    setLead(snapshot.lead);
    // A backup written before the field existed has no description.
    setDescription(snapshot.description ?? "");
    setSlug(snapshot.slug);
    setTags(snapshot.tags.join(", "));
    editor?.commands.setContent(snapshot.body as JSONContent, { emitUpdate: false });
  };

  const onField = (setter: (value: string) => void) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    setter(event.target.value);
    fields.current = { ...fields.current, [event.target.name]: event.target.value };
    autosave.markChanged();
  };

  const status = autosave.status;
  const fieldError = (name: string) => (status.kind === "invalid" ? status.fieldErrors[name]?.[0] : undefined);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-4">
        <p className="text-sm text-muted">{props.where}</p>
        {backup ? (
          <div role="alert" className="rounded border-l-4 border-accent bg-amber-50 p-3">
            <p>Det finns osparade ändringar från {formatDateTime(backup.at)} i den här webbläsaren.</p>
            <div className="mt-2 flex gap-2">
              <button
                type="button"
                className="rounded bg-brand px-3 py-1 font-semibold text-white"
                onClick={() => {
                  load(backup.snapshot);
                  setBackup(null);
                  autosave.markChanged();
                }}
              >
                Återställ mina ändringar
              </button>
              <button
                type="button"
                className="rounded border border-gray-500 px-3 py-1"
                onClick={() => {
                  localStorage.removeItem(backupKey(props.id));
                  setBackup(null);
                }}
              >
                Släng dem
              </button>
            </div>
          </div>
        ) : null}
        <div>
          <label htmlFor="rubrik" className="block font-semibold">
            Rubrik
          </label>
          <input
            id="rubrik"
            name="title"
            value={title}
            onChange={onField(setTitle)}
            aria-invalid={!!fieldError("title")}
            className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-2xl font-bold"
          />
          {fieldError("title") ? <p className="text-red-800">{fieldError("title")}</p> : null}
        </div>
        <div>
          <label htmlFor="ingress" className="block font-semibold">
            Ingress
          </label>
          <textarea id="ingress" name="lead" value={lead} onChange={onField(setLead)} rows={3} className="mt-1 w-full rounded border border-gray-500 px-3 py-2 text-lg" />
        </div>
        <div className="rounded border border-gray-500 bg-white">
          {editor ? <Toolbar editor={editor} onAction={act} /> : null}
          <EditorContent editor={editor} className="min-h-[24rem] px-4 py-3" />
        </div>
      </div>

      <aside aria-label="Om texten" className="space-y-5">
        <p
          role="status"
          aria-live="polite"
          className={`rounded p-2 font-semibold ${status.kind === "retrying" || status.kind === "invalid" || status.kind === "conflict" ? "bg-red-50 text-red-900" : "bg-gray-100"}`}
        >
          {statusText(status)}
        </p>
        <Link
          href={`/redaktion/texter/${props.id}/forhandsgranska`}
          className="block rounded border border-brand px-3 py-2 text-center font-semibold text-brand"
          onClick={() => void autosave.saveNow()}
        >
          Förhandsgranska
        </Link>
        <div>
          <label htmlFor="adress" className="block font-semibold">
            Adress
          </label>
          <input
            id="adress"
            name="slug"
            value={slug}
            onChange={onField(setSlug)}
            aria-invalid={!!fieldError("slug")}
            aria-describedby="adress-hjalp"
            className="mt-1 w-full rounded border border-gray-500 px-2 py-1 font-mono text-sm"
          />
          <p id="adress-hjalp" className={`text-sm ${fieldError("slug") ? "text-red-800" : "text-muted"}`}>
            {fieldError("slug") ?? "Sista delen av webbadressen: a–z, siffror och bindestreck."}
          </p>
        </div>
        <div>
          <label htmlFor="taggar" className="block font-semibold">
            Taggar
          </label>
          <input
            id="taggar"
            name="tags"
            value={tags}
            onChange={onField(setTags)}
            aria-describedby="taggar-hjalp"
            className="mt-1 w-full rounded border border-gray-500 px-2 py-1"
          />
          <p id="taggar-hjalp" className="text-sm text-muted">
            Skilj taggarna åt med kommatecken.
          </p>
        </div>
        <DescriptionField value={description} onChange={onField(setDescription)} error={fieldError("description")} />
        <AuthorsPanel id={props.id} initial={props.byline} staff={props.staff} version={autosave.version} saveFirst={autosave.saveNow} setAuthors={props.actions.setAuthors} />
        <section aria-labelledby="omslag-rubrik" className="space-y-2">
          <h2 id="omslag-rubrik" className="font-semibold">
            Omslagsbild
          </h2>
          {cover ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail from our own media route */}
              <img src={`/media/${cover.id}/480.webp`} alt={cover.alt} className="w-full rounded border border-gray-300" />
              <div className="flex gap-2">
                <button type="button" className="rounded border border-gray-500 px-2 py-1 text-sm" onClick={() => setDialog("cover")}>
                  Byt omslagsbild
                </button>
                <button
                  type="button"
                  className="rounded border border-red-700 px-2 py-1 text-sm text-red-800"
                  onClick={() => {
                    setCover(null);
                    coverRef.current = null;
                    autosave.markChanged();
                  }}
                >
                  Ta bort omslagsbild
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="rounded border border-gray-500 px-2 py-1 text-sm" onClick={() => setDialog("cover")}>
              Välj omslagsbild
            </button>
          )}
        </section>
        {editor ? (
          <WritingHelp editor={editor} textId={props.id} title={title} lead={lead} overrides={props.warningOverrides} overrideWarning={props.actions.overrideWarning} />
        ) : null}
        {/* Review comments (lib/review): whoever may open the editor may comment; the server checks again.
            Mounted with the editor, so that it never mistakes the editor page for the review page. */}
        {editor ? <CommentsPanel itemId={props.id} editor={editor} canComment /> : null}
        <VersionsPanel id={props.id} version={autosave.version} savedCount={status.kind === "saved" ? status.at.getTime() : 0} restoreRevision={props.actions.restoreRevision} />
      </aside>

      {editor ? (
        <>
          <PromptDialog
            open={dialog === "link"}
            title="Länk"
            fields={[
              {
                name: "href",
                label: "Länkadress",
                defaultValue: String(editor.getAttributes("link").href ?? "https://"),
                required: true,
                hint: "Till exempel https://exempelby.se/skola",
              },
            ]}
            submitLabel="Spara länken"
            extraAction={editor.isActive("link") ? { label: "Ta bort länken", onClick: () => editor.chain().focus().unsetLink().run() } : undefined}
            validate={(v) => (isAllowedHref((v.href ?? "").trim()) ? null : "Länken måste börja med https://, http://, mailto: eller tel:.")}
            onSubmit={(v) => {
              editor.chain().focus().extendMarkRange("link").setLink({ href: v.href!.trim() }).run();
              // Continue typing after the link, not over it.
              editor.commands.setTextSelection(editor.state.selection.to);
            }}
            onClose={() => setDialog(null)}
          />
          <PromptDialog
            open={dialog === "infoBox"}
            title="Faktaruta"
            fields={[{ name: "title", label: "Rubrik i faktarutan", defaultValue: "Datum, tid och plats", required: true, maxLength: 200 }]}
            submitLabel="Infoga faktaruta"
            onSubmit={(v) => editor.chain().focus().setInfoBox({ title: v.title }).run()}
            onClose={() => setDialog(null)}
          />
          <PromptDialog
            open={dialog === "signature"}
            title="Signatur"
            fields={[
              { name: "name", label: "Namn", defaultValue: props.signer.name, required: true, maxLength: 200 },
              { name: "title", label: "Titel", defaultValue: props.signer.title, maxLength: 200 },
            ]}
            submitLabel="Infoga signatur"
            onSubmit={(v) =>
              editor
                .chain()
                .focus()
                .insertSignature({ name: v.name!, title: v.title ?? "" })
                .run()
            }
            onClose={() => setDialog(null)}
          />
          <ImageDialog
            open={dialog === "cover"}
            editor={editor}
            title="Omslagsbild"
            onChoose={(media) => {
              const chosen = { id: media.id, alt: media.alt };
              setCover(chosen);
              coverRef.current = chosen;
              autosave.markChanged();
            }}
            onClose={() => setDialog(null)}
          />
          <BlockEditDialogs editor={editor} edit={editing} onClose={() => setEditing(null)} />
          <ImageDialog
            open={dialog === "image"}
            editor={editor}
            file={pendingFile}
            onClose={() => {
              setDialog(null);
              setPendingFile(null);
            }}
          />
          {status.kind === "conflict" ? (
            <ConflictDialog
              mine={getSnapshot()}
              theirs={status.current}
              onKeepMine={() => autosave.resume(status.current.version)}
              onTakeTheirs={async () => {
                // Keep both: mine is saved as a version first, then theirs goes on top as the current text.
                const mine = await putText(props.id, getSnapshot(), status.current.version);
                await putText(props.id, { ...status.current, description: status.current.description ?? "" }, mine.version);
                localStorage.removeItem(backupKey(props.id));
                window.location.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
