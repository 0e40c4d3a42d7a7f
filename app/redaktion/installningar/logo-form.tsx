"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Logo = { src: string; width: number; height: number } | null;

const NETWORK = "Logotypen kunde inte skickas. Kontrollera anslutningen och försök igen.";

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
  return body?.fieldErrors?.logo?.[0] ?? body?.message ?? "Logotypen kunde inte sparas. Försök igen.";
}

/** Uploads go to a route handler, which checks the session before it reads a byte of the file. */
export function LogoForm({ logo, municipalityName }: { logo: Logo; municipalityName: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function send(init: RequestInit, success: string) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const response = await fetch("/api/installningar/logotyp", init);
      if (!response.ok) {
        setError(await messageOf(response));
        return;
      }
      setDone(success);
      router.refresh();
    } catch {
      setError(NETWORK);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="logotyp-rubrik" className="max-w-3xl space-y-4">
      <h2 id="logotyp-rubrik" className="text-2xl font-bold">
        Logotyp
      </h2>
      {logo ? (
        <div className="inline-block rounded border border-gray-300 bg-white p-3">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={logo.src} alt={`${municipalityName}s nuvarande logotyp`} width={logo.width} height={logo.height} className="h-16 w-auto" />
        </div>
      ) : (
        <p>Webbplatsen har ingen logotyp. Sidhuvudet visar kommunens namn.</p>
      )}
      {error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {done}
        </p>
      ) : null}
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const file = data.get("logo");
          if (!(file instanceof File) || file.size === 0) {
            setError("Välj en bildfil med logotypen.");
            return;
          }
          void send({ method: "POST", body: data }, "Logotypen är bytt. Den visas nu på webbplatsen, och webbplatsikonen är gjord av den.");
        }}
      >
        <div>
          <label htmlFor="logo" className="font-semibold">
            Ny logotyp
          </label>
          <p id="logo-tips" className="text-sm text-muted">
            PNG, JPEG, WebP eller SVG. Webbplatsikonen (favicon) görs av logotypen.
          </p>
          <input id="logo" name="logo" type="file" accept="image/png,image/jpeg,image/webp,image/svg+xml,.svg" aria-describedby="logo-tips" className="mt-1 block" />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
            {busy ? "Skickar…" : "Ladda upp logotypen"}
          </button>
          {logo ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => void send({ method: "DELETE" }, "Logotypen är borttagen från webbplatsen. Bilden finns kvar under Bilder.")}
              className="rounded border border-gray-600 px-4 py-2 font-semibold disabled:opacity-60"
            >
              Ta bort logotypen
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
