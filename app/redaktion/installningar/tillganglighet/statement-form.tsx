"use client";

import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import type { AccessibilityStatement } from "@/db/schema";
import { CONFORMANCE_LEVELS } from "@/db/schema/values";
import { CONFORMANCE_LABELS } from "@/components/site/accessibility-statement";
import { formatDate } from "@/lib/format";
import { saveAccessibilityStatementAction, type StatementFormState } from "./actions";

type Values = Omit<AccessibilityStatement, "updatedOn"> & { updatedOn: string | null };

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";
const hint = "text-sm text-muted";

/**
 * The statement's parts as labelled fields. Submitted through onSubmit rather than the form's action
 * prop, so React does not reset the fields: nothing typed is lost when the server says no.
 * noValidate: the server's Swedish messages are the ones shown, in the same place for every field.
 */
export function StatementForm({ values }: { values: Values }) {
  const { state, pending, onSubmit, aria: fieldAria, error } = useKeptForm<StatementFormState>(saveAccessibilityStatementAction);
  const aria = (name: string, hintId?: string) => fieldAria(name, name, hintId);
  const updatedOn = state?.ok ? state.data.updatedOn : values.updatedOn;
  return (
    <form noValidate aria-labelledby="redogorelse-rubrik" className="max-w-3xl space-y-6" onSubmit={onSubmit}>
      <h2 id="redogorelse-rubrik" className="sr-only">
        Redogörelsens innehåll
      </h2>
      <FormResult state={state} success="Redogörelsen är sparad och visas nu på webbplatsen." />
      <p className={hint}>{updatedOn ? `Senast uppdaterad ${formatDate(updatedOn)}. ` : ""}Datumet sätts när du sparar.</p>

      <div>
        <label htmlFor="scope" className="font-semibold">
          Vad redogörelsen gäller
        </label>
        <textarea id="scope" name="scope" rows={2} defaultValue={values.scope} className={input} {...aria("scope")} />
        {error("scope")}
      </div>

      <fieldset {...aria("conformance")}>
        <legend className="font-semibold">Hur väl uppfyller webbplatsen kraven?</legend>
        <div className="mt-1 space-y-1">
          {CONFORMANCE_LEVELS.map((level) => (
            <div key={level}>
              <input id={`conformance-${level}`} type="radio" name="conformance" value={level} defaultChecked={values.conformance === level} className="mr-2" />
              <label htmlFor={`conformance-${level}`}>{CONFORMANCE_LABELS[level]}</label>
            </div>
          ))}
        </div>
        {error("conformance")}
      </fieldset>

      <div>
        <label htmlFor="shortcomings" className="font-semibold">
          Kända brister
        </label>
        <p id="shortcomings-hint" className={hint}>
          En brist per rad. Ange gärna vilket WCAG-kriterium som inte uppfylls.
        </p>
        <textarea id="shortcomings" name="shortcomings" rows={6} defaultValue={values.shortcomings.join("\n")} className={input} {...aria("shortcomings", "shortcomings-hint")} />
        {error("shortcomings")}
      </div>

      <div>
        <label htmlFor="disproportionateBurden" className="font-semibold">
          Oskäligt betungande anpassning
        </label>
        <p id="disproportionateBurden-hint" className={hint}>
          Innehåll som ni inte anpassar och varför. Lämna tomt om det inte finns något.
        </p>
        <textarea
          id="disproportionateBurden"
          name="disproportionateBurden"
          rows={3}
          defaultValue={values.disproportionateBurden}
          className={input}
          {...aria("disproportionateBurden", "disproportionateBurden-hint")}
        />
        {error("disproportionateBurden")}
      </div>

      <div>
        <label htmlFor="assessmentMethod" className="font-semibold">
          Hur webbplatsen har granskats
        </label>
        <textarea id="assessmentMethod" name="assessmentMethod" rows={3} defaultValue={values.assessmentMethod} className={input} {...aria("assessmentMethod")} />
        {error("assessmentMethod")}
      </div>

      <div>
        <label htmlFor="assessedOn" className="font-semibold">
          Datum för bedömningen
        </label>
        <input id="assessedOn" name="assessedOn" type="date" defaultValue={values.assessedOn} className={input} {...aria("assessedOn")} />
        {error("assessedOn")}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="contactEmail" className="font-semibold">
            E-post för synpunkter
          </label>
          <input id="contactEmail" name="contactEmail" type="email" autoComplete="off" defaultValue={values.contactEmail} className={input} {...aria("contactEmail")} />
          {error("contactEmail")}
        </div>
        <div>
          <label htmlFor="contactPhone" className="font-semibold">
            Telefon för synpunkter
          </label>
          <input id="contactPhone" name="contactPhone" type="tel" defaultValue={values.contactPhone} className={input} {...aria("contactPhone")} />
          {error("contactPhone")}
        </div>
      </div>

      <div>
        <label htmlFor="responseTime" className="font-semibold">
          När kan läsaren vänta sig svar?
        </label>
        <input id="responseTime" name="responseTime" defaultValue={values.responseTime} className={input} {...aria("responseTime")} />
        {error("responseTime")}
      </div>

      <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara redogörelsen"}
      </button>
    </form>
  );
}
