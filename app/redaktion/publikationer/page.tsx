import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { colophonCandidates, listPublicationsForAdmin } from "@/lib/publications/publications";
import { createPublicationAction } from "./actions";
import { PublicationForm } from "./publication-form";

export const metadata: Metadata = { title: "Publikationer" };

export default async function PublicationsPage() {
  const user = await requireUser("/redaktion/publikationer");
  requirePermission(user, "publications.manage");
  const db = await getDb();
  const [rows, people] = await Promise.all([listPublicationsForAdmin(db), colophonCandidates(db)]);
  return (
    <div className="space-y-10">
      <h1 className="text-3xl font-bold">Publikationer</h1>
      <section aria-labelledby="alla-publikationer">
        <h2 id="alla-publikationer" className="text-2xl font-bold">
          Nyhetsbrev och bloggar
        </h2>
        <table className="mt-2 w-full border-collapse text-left">
          <caption className="sr-only">Alla publikationer, arkiverade sist</caption>
          <thead>
            <tr className="border-b-2 border-gray-400">
              <th scope="col" className="py-2 pr-4">
                Namn
              </th>
              <th scope="col" className="py-2 pr-4">
                Typ
              </th>
              <th scope="col" className="py-2 pr-4">
                Adress
              </th>
              <th scope="col" className="py-2 pr-4">
                Texter
              </th>
              <th scope="col" className="py-2">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-gray-200">
                <td className="py-2 pr-4 font-medium">
                  <Link href={`/redaktion/publikationer/${row.id}`} className="text-brand underline-offset-4 hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className="py-2 pr-4">{row.kind === "blog" ? "Blogg" : "Nyhetsbrev"}</td>
                <td className="py-2 pr-4">{row.kind === "blog" ? `/blogg/${row.slug}` : "/nyhetsbrev"}</td>
                <td className="py-2 pr-4">{row.texts}</td>
                <td className="py-2">{row.archivedAt ? `Arkiverad ${formatDate(row.archivedAt)}` : "Aktiv"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="ny-publikation" className="space-y-3">
        <h2 id="ny-publikation" className="text-2xl font-bold">
          Ny publikation
        </h2>
        <p className="max-w-3xl text-muted">Alla nyhetsbrev visas under /nyhetsbrev, och deras nummer delar årets nummerserie så att varje nummer får en egen adress.</p>
        <PublicationForm
          action={createPublicationAction}
          isNew
          slugLocked={false}
          values={{ kind: "blog", name: "", slug: "", description: "", responsiblePublisherId: null, editorId: null, editorLabel: "Redaktör" }}
          publishers={people.publishers}
          editors={people.editors}
          submitLabel="Skapa publikationen"
        />
      </section>
    </div>
  );
}
