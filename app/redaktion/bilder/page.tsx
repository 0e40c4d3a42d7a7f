import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { listMedia } from "@/lib/media/list-media";
import { mediaUrl } from "@/lib/media/sizes";

export const metadata: Metadata = { title: "Bilder" };

const PAGE_SIZE = 30;
const querySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  sida: z.coerce.number().int().min(1).max(10_000).catch(1),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const user = await requireUser("/redaktion/bilder");
  requirePermission(user, "media.manage");
  const raw = await searchParams;
  const { q, sida } = querySchema.parse({ q: typeof raw.q === "string" ? raw.q : "", sida: typeof raw.sida === "string" ? raw.sida : 1 });
  const deleted = typeof raw.borttagen === "string" ? raw.borttagen.slice(0, 300) : null;
  const { items, total } = await listMedia(await getDb(), { query: q, limit: PAGE_SIZE, offset: (sida - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (n: number) => `/redaktion/bilder?${new URLSearchParams({ ...(q ? { q } : {}), sida: String(n) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Bilder</h1>
      <p className="max-w-3xl">Alla bilder som har laddats upp, nyast först. Nya bilder laddar du upp i texten där de ska stå.</p>
      {deleted !== null ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Bilden ”{deleted}” är borttagen.
        </p>
      ) : null}
      <form role="search" action="/redaktion/bilder" method="get" className="flex max-w-xl flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="bildsok" className="font-semibold">
            Sök i alternativtext, bildtext och fotograf
          </label>
          <input id="bildsok" name="q" type="search" defaultValue={q} maxLength={200} className="mt-1 block w-full rounded border border-gray-600 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand px-4 py-2 font-semibold text-white">
          Sök bland bilderna
        </button>
      </form>
      <p role="status">
        {total === 0 ? (q ? `Inga bilder matchar ”${q}”.` : "Det finns inga bilder ännu.") : `${total} ${total === 1 ? "bild" : "bilder"}${q ? ` matchar ”${q}”` : ""}.`}
      </p>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {items.map((item) => (
          <li key={item.id} className="rounded border border-gray-300 bg-white p-3">
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={mediaUrl(item.id, 480)} alt="" width={item.width} height={item.height} loading="lazy" className="aspect-[3/2] w-full rounded object-cover" />
            <p className="mt-2 font-semibold">
              <Link href={`/redaktion/bilder/${item.id}`} className="text-brand underline">
                {item.alt || "(ingen alternativtext)"}
              </Link>
            </p>
            <p className="text-sm text-muted">
              {item.width} × {item.height} px · uppladdad {formatDate(item.createdAt)}
              {item.credit ? ` · Foto: ${item.credit}` : ""}
            </p>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Sidor med bilder" className="flex flex-wrap gap-4">
          {sida > 1 ? (
            <Link href={pageHref(sida - 1)} className="text-brand underline">
              Föregående sida
            </Link>
          ) : null}
          <span>
            Sida {sida} av {pages}
          </span>
          {sida < pages ? (
            <Link href={pageHref(sida + 1)} className="text-brand underline">
              Nästa sida
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
