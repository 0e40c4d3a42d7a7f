import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/site/skip-link";
import { requireUser } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { logOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Redaktionen – Kommunbladet", template: "%s – Redaktionen" } };

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <SkipLink />
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <div className="flex flex-wrap items-center gap-6">
            <Link href="/redaktion" className="text-lg font-bold">
              Kommunbladet · Redaktionen
            </Link>
            <nav aria-label="Redaktionen">
              <ul className="flex gap-4">
                <li><Link href="/redaktion" className="underline-offset-4 hover:underline">Översikt</Link></li>
                {can(user, "content.create") || can(user, "content.edit.any") ? (
                  <li><Link href="/redaktion/texter" className="underline-offset-4 hover:underline">Mina texter</Link></li>
                ) : null}
                {can(user, "content.approve") ? (
                  <li><Link href="/redaktion/granska" className="underline-offset-4 hover:underline">Att granska</Link></li>
                ) : null}
                {can(user, "issue.manage") ? (
                  <li><Link href="/redaktion/nummer" className="underline-offset-4 hover:underline">Nummer</Link></li>
                ) : null}
                {can(user, "subscribers.manage") ? <li><Link href="/redaktion/prenumeranter" className="underline-offset-4 hover:underline">Prenumeranter</Link></li> : null}
                {can(user, "outbox.read") ? (
                  <li><Link href="/redaktion/utkorg" className="underline-offset-4 hover:underline">Utkorg</Link></li>
                ) : null}
                {can(user, "audit.read") ? (
                  <li><Link href="/redaktion/logg" className="underline-offset-4 hover:underline">Logg</Link></li>
                ) : null}
                {can(user, "settings.manage") ? <li><Link href="/redaktion/installningar/tillganglighet" className="underline-offset-4 hover:underline">Inställningar</Link></li> : null}
                <li><Link href="/" className="underline-offset-4 hover:underline">Till webbplatsen</Link></li>
              </ul>
            </nav>
          </div>
          <div className="flex items-center gap-4">
            <span>
              {user.name} <span className="opacity-80">({ROLE_LABELS[user.role]})</span>
            </span>
            <form action={logOutAction}>
              <button type="submit" className="rounded border border-white px-3 py-1 font-semibold hover:bg-white hover:text-brand">
                Logga ut
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
