"use client";

import { useState } from "react";
import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import { contrastRatio, formatRatio, HEX_COLOR, MIN_CONTRAST, PAGE_BACKGROUND } from "@/lib/site/contrast";
import { saveIdentityAction, type IdentityFormState } from "./actions";

type Values = {
  municipalityName: string;
  tagline: string;
  streetAddress: string;
  postalAddress: string;
  phone: string;
  email: string;
  webUrl: string;
  accentColor: string;
};

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";

const TEXT_FIELDS: { name: keyof Values; label: string; type?: string; hint?: string; autoComplete?: string }[] = [
  { name: "municipalityName", label: "Kommunens namn", hint: "Står överst på varje sida, i flödena och i nyhetsbrevet." },
  { name: "tagline", label: "Undertitel", hint: "En rad under namnet, till exempel ”Nyheter från kommunen”. Får vara tom." },
  { name: "streetAddress", label: "Gatuadress" },
  { name: "postalAddress", label: "Postadress" },
  { name: "phone", label: "Telefon", type: "tel" },
  { name: "email", label: "E-post", type: "email" },
  { name: "webUrl", label: "Webbplats", type: "url", hint: "Kommunens vanliga webbplats, med https://." },
];

export function IdentityForm({ values }: { values: Values }) {
  const { state, pending, errors, onSubmit, aria, error } = useKeptForm<IdentityFormState>(saveIdentityAction);
  const [color, setColor] = useState(values.accentColor);
  const valid = HEX_COLOR.test(color);
  const ratio = valid ? contrastRatio(color, PAGE_BACKGROUND) : null;

  return (
    <form noValidate aria-labelledby="uppgifter-rubrik" className="max-w-3xl space-y-5" onSubmit={onSubmit}>
      <h2 id="uppgifter-rubrik" className="text-2xl font-bold">
        Webbplatsens uppgifter
      </h2>
      <FormResult state={state} success="Uppgifterna är sparade och visas nu på alla sidor på webbplatsen." />
      {TEXT_FIELDS.map((field) => (
        <div key={field.name}>
          <label htmlFor={field.name} className="font-semibold">
            {field.label}
          </label>
          {field.hint ? (
            <p id={`${field.name}-tips`} className="text-sm text-muted">
              {field.hint}
            </p>
          ) : null}
          <input
            id={field.name}
            name={field.name}
            type={field.type ?? "text"}
            defaultValue={values[field.name]}
            className={input}
            {...aria(field.name, field.name, field.hint ? `${field.name}-tips` : undefined)}
          />
          {error(field.name)}
        </div>
      ))}
      <div>
        <label htmlFor="accentColor" className="font-semibold">
          Accentfärg
        </label>
        <p id="accentColor-tips" className="text-sm text-muted">
          Länkar, rubriker och sidhuvudets linje får den här färgen. Den måste ha minst 4,5:1 i kontrast mot den vita bakgrunden.
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <input
            id="accentColor"
            name="accentColor"
            value={color}
            onChange={(event) => setColor(event.target.value.trim())}
            className="w-32 rounded border border-gray-600 px-3 py-2 font-mono"
            aria-invalid={errors.accentColor ? true : undefined}
            aria-describedby={["accentColor-tips", "accentColor-kontrast", errors.accentColor ? "accentColor-fel" : ""].filter(Boolean).join(" ")}
          />
          <label className="flex items-center gap-2">
            <span>Välj i färgväljaren</span>
            <input
              type="color"
              value={valid ? color.toLowerCase() : "#000000"}
              onChange={(event) => setColor(event.target.value)}
              className="h-10 w-14 cursor-pointer rounded border border-gray-600"
            />
          </label>
        </div>
        <p id="accentColor-kontrast" className="mt-1" aria-live="polite">
          {ratio === null ? (
            "Skriv färgen som #rrggbb."
          ) : (
            <>
              <span className="mr-2 inline-block h-4 w-4 rounded-sm border border-gray-600 align-middle" style={{ backgroundColor: color }} aria-hidden="true" />
              Kontrast mot vit bakgrund: {formatRatio(ratio)} {ratio >= MIN_CONTRAST ? "(räcker)" : "(för låg, minst 4,5:1)"}
            </>
          )}
        </p>
        {error("accentColor")}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara uppgifterna"}
      </button>
    </form>
  );
}
