import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { imageUses } from "@/lib/media/library";
import { getMedia } from "@/lib/media/list-media";
import { mediaUrl } from "@/lib/media/sizes";
import { STATUS_LABELS } from "@/lib/workflow/labels";
import { DeleteImage, ImageDescriptionForm } from "./image-forms";

export const metadata: Metadata = { title: "Bild" };

export default async function ImagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/redaktion/bilder/${id}`);
  requirePermission(user, "media.manage");
  const db = await getDb();
  const image = await getMedia(db, id);
  if (!image) notFound();
  const uses = await imageUses(db, image.id);
  return (
    <div className="space-y-8">
      <p>
        <Link href="/redaktion/bilder" className="text-brand underline">
          Tillbaka till alla bilder
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{image.alt || "Bild utan alternativtext"}</h1>
      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={mediaUrl(image.id, 960)} alt={image.alt} width={image.width} height={image.height} className="h-auto w-full rounded border border-gray-300" />
          <p className="mt-2 text-sm text-muted">
            {image.width} × {image.height} px · {Math.round(image.bytes / 1024)} kB · uppladdad {formatDate(image.createdAt)}
          </p>
        </div>
        <ImageDescriptionForm id={image.id} values={{ alt: image.alt, caption: image.caption, credit: image.credit }} />
      </div>
      <section aria-labelledby="anvands-i" className="space-y-3">
        <h2 id="anvands-i" className="text-2xl font-bold">
          Används i
        </h2>
        {uses.length === 0 ? (
          <p>Ingen text använder bilden, och den är inte webbplatsens logotyp.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {uses.map((use) =>
              use.kind === "logo" ? (
                <li key="logo">Webbplatsens logotyp</li>
              ) : (
                <li key={use.id}>
                  <Link href={`/redaktion/texter/${use.id}`} className="text-brand underline">
                    {use.title}
                  </Link>{" "}
                  ({use.publicationName}, {STATUS_LABELS[use.status].toLowerCase()}
                  {use.published ? ", finns på webbplatsen" : ""})
                </li>
              ),
            )}
          </ul>
        )}
        <DeleteImage id={image.id} alt={image.alt} inUse={uses.length > 0} />
      </section>
    </div>
  );
}
