import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { colophonCandidates, listPublicationsForAdmin } from "@/lib/publications/publications";
import { updatePublicationAction } from "../actions";
import { PublicationForm } from "../publication-form";
import { ArchiveButton } from "./archive-button";

export const metadata: Metadata = { title: "Publikation" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PublicationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/publikationer/${id}`);
  requirePermission(user, "publications.manage");
  if (!z.uuid().safeParse(id).success) notFound();
  const db = await getDb();
  const [[publication], people, query] = await Promise.all([listPublicationsForAdmin(db, id), colophonCandidates(db), searchParams]);
  if (!publication) notFound();
  const kindWord = publication.kind === "blog" ? "bloggen" : "nyhetsbrevet";
  const publicPath = publication.kind === "blog" ? `/blogg/${publication.slug}` : "/nyhetsbrev";
  return (
    <div className="space-y-8">
      <p>
        <Link href="/redaktion/publikationer" className="text-brand underline">
          Tillbaka till publikationerna
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{publication.name}</h1>
      {query.skapad ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          {publication.kind === "blog" ? "Bloggen" : "Nyhetsbrevet"} är skapat. Nu kan skribenterna välja det under Ny text.
        </p>
      ) : null}
      <p>
        {publication.kind === "blog" ? "Blogg" : "Nyhetsbrev"} med {publication.texts} {publication.texts === 1 ? "text" : "texter"}. På webbplatsen:{" "}
        <Link href={publicPath} className="text-brand underline">
          {publicPath}
        </Link>
        {publication.archivedAt ? ` · Arkiverad ${formatDate(publication.archivedAt)}` : ""}
      </p>
      <PublicationForm
        action={updatePublicationAction}
        isNew={false}
        slugLocked={publication.kind === "blog" && publication.texts > 0}
        values={publication}
        publishers={people.publishers}
        editors={people.editors}
        submitLabel="Spara"
      />
      <section aria-labelledby="arkiv-rubrik" className="max-w-3xl space-y-3">
        <h2 id="arkiv-rubrik" className="text-2xl font-bold">
          {publication.archivedAt ? "Arkiverad" : "Arkivera"}
        </h2>
        <p>
          {publication.archivedAt
            ? `Texterna i ${kindWord} finns kvar på webbplatsen, men inget nytt kan skrivas i den. Återställ den om ni vill skriva i den igen.`
            : `När ${kindWord} är arkiverad finns alla texter kvar på webbplatsen, men inget nytt kan skrivas i den och invånarna kan inte börja prenumerera på den.`}
        </p>
        <ArchiveButton id={publication.id} name={publication.name} archived={Boolean(publication.archivedAt)} />
      </section>
    </div>
  );
}
