import Link from "next/link";

/** A link that cannot be used: why, in plain Swedish, and the way forward. Never a stack trace. */
export function LinkProblem({ heading = "Länken fungerar inte", children }: { heading?: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">{heading}</h1>
      <div className="space-y-2 text-lg">{children}</div>
      <p>
        <Link className="font-semibold text-brand underline" href="/prenumerera">
          Till sidan Prenumerera
        </Link>
      </p>
    </div>
  );
}
