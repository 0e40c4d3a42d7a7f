import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getAccount } from "@/db/queries/editorial";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { deactivateUserAction, reactivateUserAction, resendInviteAction, updateUserAction } from "../actions";
import { accountStatus } from "../status";
import { AccountStatusPanel } from "./account-status";
import { UserForm } from "./user-form";

export const metadata: Metadata = { title: "Användare" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ inbjuden?: string }> };

export default async function UserPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/anvandare/${id}`);
  requirePermission(user, "users.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const person = await getAccount(await getDb(), id);
  if (!person) notFound();
  const { inbjuden } = await searchParams;
  const status = accountStatus(person);
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link href="/redaktion/anvandare" className="text-brand underline-offset-4 hover:underline">
          ← Alla användare
        </Link>
      </p>
      <div>
        <h1 className="text-3xl font-bold break-words">{person.name}</h1>
        <p className="mt-1 text-lg break-all">{person.email}</p>
      </div>
      {inbjuden && person.invited ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Inbjudan är skickad till {person.email}. Länken gäller i 72 timmar.
        </p>
      ) : null}
      <section aria-labelledby="uppgifter">
        <h2 id="uppgifter" className="text-2xl font-bold">
          Uppgifter
        </h2>
        <div className="mt-4">
          <UserForm action={updateUserAction} values={{ id: person.id, name: person.name, jobTitle: person.jobTitle, role: person.role }} />
        </div>
      </section>
      <AccountStatusPanel
        person={{ id: person.id, name: person.name, status, isSelf: person.id === user.id }}
        actions={{ deactivate: deactivateUserAction, reactivate: reactivateUserAction, resend: resendInviteAction }}
      />
      {person.slug ? (
        <p className="text-muted">
          Skribentsidan:{" "}
          <Link className="text-brand underline" href={`/skribent/${person.slug}`}>
            /skribent/{person.slug}
          </Link>{" "}
          (visas när personen har en publicerad text).
        </p>
      ) : null}
    </div>
  );
}
