import { ForbiddenMessage } from "@/components/errors/forbidden-message";

/** A refusal outside the staff area (which has its own): no layout around it, so it brings the essentials. */
export default function Forbidden() {
  return (
    <main id="innehall" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-16 focus:outline-none">
      <ForbiddenMessage home={{ href: "/", label: "Till startsidan" }} />
    </main>
  );
}
