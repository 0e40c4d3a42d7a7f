"use client";

import { useState } from "react";
import { FormResult, useKeptForm } from "@/components/ui/kept-form";
import { REPEAT_CHOICES, REPEAT_END_CHOICES, REPEAT_END_LABELS, REPEAT_LABELS, type Repeat, type RepeatEnd } from "@/lib/calendar/recurrence";
import type { EventFormState } from "./actions";

export type EventFormValues = {
  id?: string;
  title: string;
  startsOn: string;
  startTime: string;
  endsOn: string;
  endTime: string;
  place: string;
  description: string;
  link: string;
  publicationIds: string[];
  repeat: Repeat;
  repeatEnd: RepeatEnd;
  repeatUntil: string;
  repeatCount: string;
};

type Props = {
  values: EventFormValues;
  publications: { id: string; name: string }[];
  action: (previous: EventFormState, data: FormData) => Promise<EventFormState>;
  saved?: boolean;
};

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";
const hint = "text-sm text-muted";

/**
 * The event's fields. Submitted through onSubmit rather than the form's action prop, so React does
 * not reset the fields: nothing typed is lost when the server says no. noValidate: the server's
 * Swedish messages are shown, in the same place for every field. One column on a phone.
 */
export function EventForm({ values, publications, action, saved }: Props) {
  const { state, pending, onSubmit, aria: fieldAria, error } = useKeptForm<EventFormState>(action);
  const [repeat, setRepeat] = useState<Repeat>(values.repeat);
  const [repeatEnd, setRepeatEnd] = useState<RepeatEnd>(values.repeatEnd);
  const aria = (name: string, hintId?: string) => fieldAria(name, name, hintId);
  const field = (name: keyof EventFormValues, label: string, type = "text", extra: Record<string, string> = {}) => (
    <div>
      <label htmlFor={name} className="font-semibold">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={values[name] as string}
        className={input}
        {...aria(name, extra.hintId)}
        {...(extra.inputMode ? { inputMode: extra.inputMode as "url" } : {})}
      />
      {error(name)}
    </div>
  );
  return (
    <form noValidate aria-label="Evenemang" className="max-w-3xl space-y-6" onSubmit={onSubmit}>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <FormResult state={state} success={null} />
      {state?.ok || (saved && !state) ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Evenemanget är sparat och visas i kalendern.
        </p>
      ) : null}

      {field("title", "Titel")}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">När</legend>
        {field("startsOn", "Startdatum", "date")}
        <div>
          <label htmlFor="startTime" className="font-semibold">
            Starttid
          </label>
          <input id="startTime" name="startTime" type="time" defaultValue={values.startTime} className={input} {...aria("startTime", "tid-hint")} />
          {error("startTime")}
        </div>
        {field("endsOn", "Slutdatum", "date")}
        {field("endTime", "Sluttid", "time")}
        <p id="tid-hint" className={`${hint} sm:col-span-2`}>
          Svensk tid. Lämna tiderna tomma för ett heldagsevenemang, och slutdatum tomt om det slutar samma dag.
        </p>
      </fieldset>

      {field("place", "Plats")}
      <div>
        <label htmlFor="description" className="font-semibold">
          Beskrivning
        </label>
        <textarea id="description" name="description" rows={4} defaultValue={values.description} className={input} {...aria("description")} />
        {error("description")}
      </div>
      <div>
        <label htmlFor="link" className="font-semibold">
          Länk
        </label>
        <p id="link-hint" className={hint}>
          En webbadress med mer information, till exempel https://exempelby.se/evenemang.
        </p>
        <input id="link" name="link" type="url" inputMode="url" defaultValue={values.link} className={input} {...aria("link", "link-hint")} />
        {error("link")}
      </div>

      <fieldset {...aria("publicationIds")}>
        <legend className="font-semibold">Visas i Kalendarium för</legend>
        {publications.length === 0 ? <p className={hint}>Det finns inget nyhetsbrev. Evenemanget visas ändå i webbplatsens kalender.</p> : null}
        <div className="mt-1 space-y-1">
          {publications.map((publication) => (
            <div key={publication.id}>
              <input
                id={`publication-${publication.id}`}
                type="checkbox"
                name="publicationIds"
                value={publication.id}
                defaultChecked={values.publicationIds.includes(publication.id)}
                className="mr-2 size-4"
              />
              <label htmlFor={`publication-${publication.id}`}>{publication.name}</label>
            </div>
          ))}
        </div>
        {error("publicationIds")}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-semibold">Upprepning</legend>
        <div>
          <label htmlFor="repeat" className="font-semibold">
            Upprepa
          </label>
          <select id="repeat" name="repeat" value={repeat} onChange={(e) => setRepeat(e.target.value as Repeat)} className={input} {...aria("repeat")}>
            {REPEAT_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {REPEAT_LABELS[choice]}
              </option>
            ))}
          </select>
          {error("repeat")}
        </div>
        {repeat !== "none" ? (
          <fieldset className="space-y-2" {...aria("repeatEnd")}>
            <legend className="font-semibold">Upprepningen slutar</legend>
            {REPEAT_END_CHOICES.map((choice) => (
              <div key={choice}>
                <input
                  id={`repeatEnd-${choice}`}
                  type="radio"
                  name="repeatEnd"
                  value={choice}
                  checked={repeatEnd === choice}
                  onChange={() => setRepeatEnd(choice)}
                  className="mr-2 size-4"
                />
                <label htmlFor={`repeatEnd-${choice}`}>{REPEAT_END_LABELS[choice]}</label>
              </div>
            ))}
            {repeatEnd === "until" ? (
              <div>
                <label htmlFor="repeatUntil" className="font-semibold">
                  Sista dag
                </label>
                <input id="repeatUntil" name="repeatUntil" type="date" defaultValue={values.repeatUntil} className={input} {...aria("repeatUntil")} />
                {error("repeatUntil")}
              </div>
            ) : (
              <div>
                <label htmlFor="repeatCount" className="font-semibold">
                  Antal tillfällen
                </label>
                <input id="repeatCount" name="repeatCount" type="text" inputMode="numeric" defaultValue={values.repeatCount} className={input} {...aria("repeatCount")} />
                {error("repeatCount")}
              </div>
            )}
          </fieldset>
        ) : null}
      </fieldset>

      <button type="submit" disabled={pending} className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60 sm:w-auto">
        {pending ? "Sparar…" : "Spara"}
      </button>
    </form>
  );
}
