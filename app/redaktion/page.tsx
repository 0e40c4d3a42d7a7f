import Link from "next/link";
import type { Metadata } from "next";
import { TextTable } from "@/components/ui/text-table";
import { getDb } from "@/db/client";
import { listTexts, listTextsByStatus, listUsers } from "@/db/queries/editorial";
import { requireUser } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { IN_PROGRESS_STATUSES } from "@/lib/workflow/labels";

export const metadata: Metadata = { title: "Översikt" };

export default async function StaffHome() {
  const user = await requireUser();
  const db = await getDb();
  const [own, inReview, inProgress, staff] = await Promise.all([
    can(user, "content.create") ? listTexts(db, { authorId: user.id }) : Promise.resolve([]),
    can(user, "content.approve") ? listTextsByStatus(db, ["in_review"]) : Promise.resolve([]),
    can(user, "content.edit.any") ? listTextsByStatus(db, [...IN_PROGRESS_STATUSES]) : Promise.resolve([]),
    can(user, "users.manage") ? listUsers(db) : Promise.resolve([]),
  ]);

  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Översikt</h1>
          <p className="mt-1 text-lg">
            Välkommen, {user.name}. Du är inloggad som {ROLE_LABELS[user.role].toLocaleLowerCase("sv-SE")}.
          </p>
        </div>
        {can(user, "content.create") ? (
          <Link href="/redaktion/texter/ny" className="rounded bg-brand px-4 py-2 font-semibold text-white">
            Ny text
          </Link>
        ) : null}
      </div>
      {can(user, "content.approve") ? (
        <section aria-labelledby="att-granska">
          <h2 id="att-granska" className="text-2xl font-bold">
            Att granska
          </h2>
          <TextTable rows={inReview} caption="Texter som väntar på granskning" linkTo="review" />
          <p className="mt-2">
            <Link href="/redaktion/granska" className="font-semibold text-brand underline">
              Hela granskningskön, med nummer
            </Link>
          </p>
        </section>
      ) : null}
      {can(user, "content.create") ? (
        <section aria-labelledby="mina-texter">
          <h2 id="mina-texter" className="text-2xl font-bold">
            Mina texter
          </h2>
          <TextTable rows={own} caption="Texter som du har skrivit" />
        </section>
      ) : null}
      {can(user, "content.edit.any") ? (
        <section aria-labelledby="i-arbete">
          <h2 id="i-arbete" className="text-2xl font-bold">
            Texter i arbete
          </h2>
          <TextTable rows={inProgress} caption="Alla texter som inte är publicerade" />
        </section>
      ) : null}
      {can(user, "users.manage") ? (
        <section aria-labelledby="anvandare">
          <h2 id="anvandare" className="text-2xl font-bold">
            Användare
          </h2>
          <p className="mt-2">
            {staff.filter((person) => person.active).length} aktiva konton.{" "}
            <Link href="/redaktion/anvandare" className="font-semibold text-brand underline">
              Bjud in, ändra roller och inaktivera konton
            </Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
