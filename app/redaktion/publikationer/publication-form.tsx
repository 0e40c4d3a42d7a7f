"use client";

import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import type { PublicationFormState } from "./actions";

type Person = { id: string; name: string };
export type PublicationValues = {
  id?: string;
  kind: "newsletter" | "blog";
  name: string;
  slug: string;
  description: string;
  responsiblePublisherId: string | null;
  editorId: string | null;
  editorLabel: string;
};

type Props = {
  action: (previous: PublicationFormState, data: FormData) => Promise<PublicationFormState>;
  values: PublicationValues;
  /** A new publication chooses its kind; an existing one keeps it. */
  isNew: boolean;
  publishers: Person[];
  editors: Person[];
  submitLabel: string;
  slugLocked: boolean;
};

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";

export function PublicationForm({ action, values, isNew, publishers, editors, submitLabel, slugLocked }: Props) {
  const form = useKeptForm<PublicationFormState>(action);
  const { state, pending, onSubmit } = form;
  // Two forms may share a page: the ids carry which one.
  const prefix = isNew ? "ny" : "pub";
  const id = (name: string) => `${prefix}-${name}`;
  const error = (name: string) => form.error(name, id(name));
  const aria = (name: string, hint = false) => form.aria(name, id(name), hint ? id(`${name}-tips`) : undefined);
  return (
    <form noValidate className="max-w-3xl space-y-5" aria-label={isNew ? "Ny publikation" : "Publikationens uppgifter"} onSubmit={onSubmit}>
      <FormResult state={state} success="Publikationen är sparad." />
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {isNew ? (
        <fieldset {...aria("kind")}>
          <legend className="font-semibold">Typ</legend>
          <div className="mt-1 flex flex-wrap gap-6">
            {(
              [
                ["newsletter", "Nyhetsbrev"],
                ["blog", "Blogg"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="kind" value={value} defaultChecked={values.kind === value} />
                {label}
              </label>
            ))}
          </div>
          {error("kind")}
        </fieldset>
      ) : null}
      <div>
        <label htmlFor={id("name")} className="font-semibold">
          Namn
        </label>
        <input id={id("name")} name="name" defaultValue={values.name} className={input} {...aria("name")} />
        {error("name")}
      </div>
      <div>
        <label htmlFor={id("slug")} className="font-semibold">
          Adress
        </label>
        <p id={id("slug-tips")} className="text-sm text-muted">
          {slugLocked
            ? "Adressen kan inte ändras när något har publicerats: länkarna till det skulle sluta fungera."
            : "En blogg finns på /blogg/adressen. Små bokstäver, siffror och bindestreck. Lämnas den tom görs den av namnet."}
        </p>
        <input id={id("slug")} name="slug" defaultValue={values.slug} readOnly={slugLocked} className={`${input} ${slugLocked ? "bg-gray-100" : ""}`} {...aria("slug", true)} />
        {error("slug")}
      </div>
      <div>
        <label htmlFor={id("description")} className="font-semibold">
          Beskrivning
        </label>
        <textarea id={id("description")} name="description" rows={3} defaultValue={values.description} className={input} {...aria("description")} />
        {error("description")}
      </div>
      <fieldset className="space-y-4">
        <legend className="font-semibold">Kolofon</legend>
        <div>
          <label htmlFor={id("responsiblePublisherId")}>Ansvarig utgivare</label>
          <select
            id={id("responsiblePublisherId")}
            name="responsiblePublisherId"
            defaultValue={values.responsiblePublisherId ?? ""}
            className={input}
            {...aria("responsiblePublisherId")}
          >
            <option value="">Ingen vald</option>
            {publishers.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          {error("responsiblePublisherId")}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={id("editorId")}>Redaktör</label>
            <select id={id("editorId")} name="editorId" defaultValue={values.editorId ?? ""} className={input} {...aria("editorId")}>
              <option value="">Ingen vald</option>
              {editors.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
            {error("editorId")}
          </div>
          <div>
            <label htmlFor={id("editorLabel")}>Redaktörens titel i kolofonen</label>
            <select id={id("editorLabel")} name="editorLabel" defaultValue={values.editorLabel} className={input} {...aria("editorLabel")}>
              <option value="Redaktör">Redaktör</option>
              <option value="Tf redaktör">Tf redaktör</option>
            </select>
            {error("editorLabel")}
          </div>
        </div>
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : submitLabel}
      </button>
    </form>
  );
}
