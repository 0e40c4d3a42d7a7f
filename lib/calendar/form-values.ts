import type { FrozenEvent } from "@/db/schema";
import { readRule } from "./recurrence";

/** A stored event as the form's strings: times as "18:30", the rule as the form's choices. */
export function eventFormValues(event: Omit<FrozenEvent, "cancelled"> & { id: string; recurrence: string | null; publicationIds: string[] }) {
  const rule = readRule(event.recurrence);
  return {
    id: event.id,
    title: event.title,
    startsOn: event.startsOn,
    startTime: event.startTime?.slice(0, 5) ?? "",
    endsOn: event.endsOn ?? "",
    endTime: event.endTime?.slice(0, 5) ?? "",
    place: event.place,
    description: event.description,
    link: event.link ?? "",
    publicationIds: event.publicationIds,
    repeat: rule?.repeat ?? ("none" as const),
    repeatEnd: rule?.ends ?? ("until" as const),
    repeatUntil: rule?.ends === "until" ? rule.until : "",
    repeatCount: rule?.ends === "count" ? String(rule.count) : "",
  };
}
