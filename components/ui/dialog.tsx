"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

type DialogProps = {
  open: boolean;
  /** Called on Escape and on "Avbryt": the caller owns `open`. */
  onClose: () => void;
  title: string;
  children: ReactNode;
};

/**
 * The product's own modal dialog, on the native <dialog>: showModal() makes the rest of the page
 * inert, keeps Tab inside, closes on Escape and gives focus back to the button that opened it. The
 * heading names the dialog. Mark the safe choice `data-autofocus`, so Enter never takes the risky one.
 */
export function Dialog({ open, onClose, title, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal() focuses the first focusable element; a dialog may name a safer one.
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: React state decides, so the dialog and `open` never disagree.
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded border border-gray-400 bg-white p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      {open ? (
        <div className="space-y-4 p-5">
          <h2 id={headingId} className="text-xl font-bold">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

const buttons = {
  primary: "rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60",
  danger: "rounded bg-red-800 px-4 py-2 font-semibold text-white disabled:opacity-60",
  secondary: "rounded border-2 border-brand px-4 py-2 font-semibold text-brand disabled:opacity-60",
};

type ConfirmDialogProps = Omit<DialogProps, "children"> & {
  /** What will happen, in full sentences. */
  children: ReactNode;
  /** Null when there is nothing to confirm: the dialog only explains, and its one button is "Stäng". */
  confirmLabel: string | null;
  onConfirm: () => void;
  tone?: "primary" | "danger";
  pending?: boolean;
};

/** A question with two answers: "Avbryt" (focused first) and the action, named for what it does. */
export function ConfirmDialog({ confirmLabel, onConfirm, tone = "primary", pending, children, ...dialog }: ConfirmDialogProps) {
  return (
    <Dialog {...dialog}>
      <div className="space-y-2">{children}</div>
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" data-autofocus className={buttons.secondary} onClick={dialog.onClose}>
          {confirmLabel ? "Avbryt" : "Stäng"}
        </button>
        {confirmLabel ? (
          <button type="button" disabled={pending} className={buttons[tone]} onClick={onConfirm}>
            {confirmLabel}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}

export const dialogButtonClass = buttons;
