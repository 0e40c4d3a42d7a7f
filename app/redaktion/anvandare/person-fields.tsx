import { ROLE_LABELS, ROLES, type Role } from "@/lib/permissions";

const input = "mt-1 block w-full rounded border border-gray-600 px-3 py-2";

type Values = { name: string; email?: string; jobTitle: string; role: Role };

/**
 * The fields of a person, shared by "Bjud in" and the person's page. Uncontrolled with defaults, and
 * the forms submit through onSubmit, so nothing typed is lost when the server says no.
 */
export function PersonFields({ values, errors, withEmail }: { values: Values; errors: Record<string, string[]>; withEmail: boolean }) {
  const errorId = (name: string) => `${name}-fel`;
  const aria = (name: string, hint?: string) => {
    const ids = [hint, errors[name] ? errorId(name) : undefined].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": errors[name] ? true : undefined };
  };
  const error = (name: string) =>
    errors[name] ? (
      <p id={errorId(name)} className="mt-1 font-semibold text-red-800">
        {errors[name][0]}
      </p>
    ) : null;
  return (
    <>
      <div>
        <label htmlFor="name" className="font-semibold">
          Namn
        </label>
        <input id="name" name="name" autoComplete="off" defaultValue={values.name} className={input} {...aria("name")} />
        {error("name")}
      </div>
      {withEmail ? (
        <div>
          <label htmlFor="email" className="font-semibold">
            E-postadress
          </label>
          <input id="email" name="email" type="email" autoComplete="off" defaultValue={values.email} className={input} {...aria("email")} />
          {error("email")}
        </div>
      ) : null}
      <div>
        <label htmlFor="jobTitle" className="font-semibold">
          Titel
        </label>
        <p id="jobTitle-hint" className="text-sm text-muted">
          Visas i signaturen, till exempel ”Informatör” eller ”Rektor”.
        </p>
        <input id="jobTitle" name="jobTitle" autoComplete="off" defaultValue={values.jobTitle} className={input} {...aria("jobTitle", "jobTitle-hint")} />
        {error("jobTitle")}
      </div>
      <div>
        <label htmlFor="role" className="font-semibold">
          Roll
        </label>
        <select id="role" name="role" defaultValue={values.role} className={input} {...aria("role")}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        {error("role")}
      </div>
    </>
  );
}
