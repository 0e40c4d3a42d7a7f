import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/site/skip-link";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { logOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Redaktionen – Kommunbladet", template: "%s – Redaktionen" } };

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  requirePermission(user, "staff.access");
  return (
    <>
      <SkipLink />
      {/* Two rows: the menu gets the whole width, so that all of it stays on one line at 1280 px. */}
      <header className="bg-brand text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 pt-3">
          <Link href="/redaktion" className="text-lg font-bold">
            Kommunbladet · Redaktionen
          </Link>
          <div className="flex flex-wrap items-center gap-4">
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
        <nav aria-label="Redaktionen" className="mx-auto max-w-6xl px-4 pt-2 pb-3">
          {/* Wraps only on a narrow screen; never inside a label. */}
          <ul className="flex flex-wrap gap-x-5 gap-y-1 whitespace-nowrap">
            <li>
              <Link href="/redaktion" className="underline-offset-4 hover:underline">
                Översikt
              </Link>
            </li>
            {can(user, "content.create") || can(user, "content.edit.any") ? (
              <li>
                <Link href="/redaktion/texter" className="underline-offset-4 hover:underline">
                  {can(user, "content.edit.any") ? "Texter" : "Mina texter"}
                </Link>
              </li>
            ) : null}
            {can(user, "content.approve") ? (
              <li>
                <Link href="/redaktion/granska" className="underline-offset-4 hover:underline">
                  Att granska
                </Link>
              </li>
            ) : null}
            {can(user, "issue.manage") ? (
              <li>
                <Link href="/redaktion/nummer" className="underline-offset-4 hover:underline">
                  Nummer
                </Link>
              </li>
            ) : null}
            {can(user, "calendar.manage") ? (
              <li>
                <Link href="/redaktion/kalender" className="underline-offset-4 hover:underline">
                  Kalender
                </Link>
              </li>
            ) : null}
            <li>
              <Link href="/redaktion/bilder" className="underline-offset-4 hover:underline">
                Bilder
              </Link>
            </li>
            {can(user, "subscribers.manage") ? (
              <li>
                <Link href="/redaktion/prenumeranter" className="underline-offset-4 hover:underline">
                  Prenumeranter
                </Link>
              </li>
            ) : null}
            {can(user, "outbox.read") ? (
              <li>
                <Link href="/redaktion/utkorg" className="underline-offset-4 hover:underline">
                  Utkorg
                </Link>
              </li>
            ) : null}
            {can(user, "audit.read") ? (
              <li>
                <Link href="/redaktion/logg" className="underline-offset-4 hover:underline">
                  Logg
                </Link>
              </li>
            ) : null}
            {can(user, "users.manage") ? (
              <li>
                <Link href="/redaktion/anvandare" className="underline-offset-4 hover:underline">
                  Användare
                </Link>
              </li>
            ) : null}
            {can(user, "publications.manage") ? (
              <li>
                <Link href="/redaktion/publikationer" className="underline-offset-4 hover:underline">
                  Publikationer
                </Link>
              </li>
            ) : null}
            {can(user, "settings.manage") ? (
              <li>
                <Link href="/redaktion/installningar" className="underline-offset-4 hover:underline">
                  Inställningar
                </Link>
              </li>
            ) : null}
            <li>
              <Link href="/" className="underline-offset-4 hover:underline">
                Till webbplatsen
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
    </>
  );
}
