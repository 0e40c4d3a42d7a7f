import type { FollowablePublication } from "@/db/queries/subscribers";
import { SUBSCRIBE_ENDPOINT } from "./subscribe-form";

type Props = {
  publications: FollowablePublication[];
  checkedIds: readonly string[];
  email: string;
  error: string | null;
  /** The consent text, shown between the choices and the button. */
  children: React.ReactNode;
};

/** /prenumerera: the address, one checkbox per publication, what is stored, and the button. */
export function FullSubscribeForm({ publications, checkedIds, email, error, children }: Props) {
  return (
    <form method="post" action={SUBSCRIBE_ENDPOINT} className="space-y-6" noValidate>
      {error ? (
        <p id="prenumerera-fel" role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor="prenumerera-epost" className="block font-semibold">
          E-post
        </label>
        <input
          id="prenumerera-epost"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          defaultValue={email}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "prenumerera-fel" : undefined}
          className="mt-1 w-full max-w-md rounded border border-gray-500 px-3 py-2 text-lg"
        />
      </div>
      <fieldset>
        <legend className="font-semibold">Vad vill du få?</legend>
        <ul className="mt-2 space-y-2">
          {publications.map((publication) => (
            <li key={publication.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="publikation" value={publication.id} defaultChecked={checkedIds.includes(publication.id)} className="h-5 w-5" />
                <span>
                  {publication.name}
                  {publication.kind === "blog" ? <span className="text-muted"> (blogg)</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {children}
      <button type="submit" className="rounded bg-brand px-5 py-2 text-lg font-semibold text-white hover:bg-brand-dark">
        Prenumerera
      </button>
    </form>
  );
}
