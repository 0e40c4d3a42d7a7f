import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listUsers } from "@/db/queries/editorial";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/permissions";
import { inviteUserAction } from "./actions";
import { InviteForm } from "./invite-form";
import { accountStatus } from "./status";

export const metadata: Metadata = { title: "Användare" };

export default async function UsersPage() {
  const user = await requireUser("/redaktion/anvandare");
  requirePermission(user, "users.manage");
  const people = await listUsers(await getDb());
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold">Användare</h1>
        <p className="mt-2 max-w-3xl">
          Alla som arbetar i redaktionen. Titeln visas i signaturen under det personen skriver. Den som slutar inaktiveras: texterna och signaturerna finns kvar, men kontot kan
          inte logga in.
        </p>
      </div>
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Användare, deras roller och om kontot är aktivt</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-4">
              Namn
            </th>
            <th scope="col" className="py-2 pr-4">
              Titel
            </th>
            <th scope="col" className="py-2 pr-4">
              Roll
            </th>
            <th scope="col" className="py-2 pr-4">
              E-postadress
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} className="border-b border-gray-200">
              <td className="py-2 pr-4">
                <Link href={`/redaktion/anvandare/${person.id}`} className="font-semibold text-brand underline">
                  {person.name}
                </Link>
              </td>
              <td className="py-2 pr-4">{person.jobTitle}</td>
              <td className="py-2 pr-4">{ROLE_LABELS[person.role]}</td>
              <td className="py-2 pr-4 break-all">{person.email}</td>
              <td className="py-2">{accountStatus(person)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="bjud-in" className="max-w-3xl">
        <h2 id="bjud-in" className="text-2xl font-bold">
          Bjud in
        </h2>
        <p className="mt-1">Personen får ett mejl med en länk för att välja lösenord. Länken gäller i 72 timmar och kan bara användas en gång.</p>
        <div className="mt-4">
          <InviteForm action={inviteUserAction} />
        </div>
      </section>
    </div>
  );
}
