"use client";

import { useActionState, useTransition } from "react";
import { updateIssueAction, type IssueFormState } from "../actions";

type Values = {
  id: string;
  version: number;
  year: number;
  number: number;
  title: string;
  calendarFrom: string | null;
  calendarTo: string | null;
  calendarNote: string;
};

const input = "mt-1 block w-full rounded border border-gray-500 px-3 py-2";

/**
 * The issue's number, theme and Kalendarium window. Submitted through onSubmit rather than the form's
 * action prop, so React does not reset the fields: nothing typed is lost when the server says no.
 */
export function IssueForm({ values, locked }: { values: Values; locked: boolean }) {
  const [state, action, pending] = useActionState<IssueFormState, FormData>(updateIssueAction, null);
  const [, startTransition] = useTransition();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${name}-fel`} className="text-red-800">
        {errors[name][0]}
      </p>
    ) : null;
  const described = (name: string) => (errors[name] ? `${name}-fel` : undefined);
  return (
    <form
      aria-labelledby="uppgifter"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <h2 id="uppgifter" className="text-2xl font-bold">
        Uppgifter om numret
      </h2>
      {state && !state.ok ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-green-800">
          Numret är sparat.
        </p>
      ) : null}
      <input type="hidden" name="id" value={values.id} />
      <input type="hidden" name="baseVersion" value={values.version} />
      <fieldset disabled={locked || pending} className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="nummer-nummer" className="font-semibold">
            Nummer
          </label>
          <input id="nummer-nummer" name="number" type="number" min={1} max={999} required defaultValue={values.number} aria-describedby={described("number")} className={input} />
          {error("number")}
        </div>
        <div>
          <label htmlFor="nummer-ar" className="font-semibold">
            År
          </label>
          <input id="nummer-ar" name="year" type="number" min={1990} max={2100} required defaultValue={values.year} aria-describedby={described("year")} className={input} />
          {error("year")}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="nummer-tema" className="font-semibold">
            Tema
          </label>
          <input id="nummer-tema" name="title" maxLength={200} defaultValue={values.title} aria-describedby={described("title")} className={input} />
          {error("title")}
        </div>
        <div>
          <label htmlFor="nummer-fran" className="font-semibold">
            Kalendarium från
          </label>
          <input id="nummer-fran" name="calendarFrom" type="date" defaultValue={values.calendarFrom ?? ""} aria-describedby={described("calendarFrom")} className={input} />
          {error("calendarFrom")}
        </div>
        <div>
          <label htmlFor="nummer-till" className="font-semibold">
            Kalendarium till
          </label>
          <input id="nummer-till" name="calendarTo" type="date" defaultValue={values.calendarTo ?? ""} aria-describedby={described("calendarTo")} className={input} />
          {error("calendarTo")}
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="nummer-anteckning" className="font-semibold">
            Kalendarieanteckning
          </label>
          <input id="nummer-anteckning" name="calendarNote" maxLength={500} defaultValue={values.calendarNote} aria-describedby={described("calendarNote")} className={input} />
          {error("calendarNote")}
        </div>
      </fieldset>
      <button type="submit" disabled={locked || pending} className="rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Sparar…" : "Spara numret"}
      </button>
    </form>
  );
}
