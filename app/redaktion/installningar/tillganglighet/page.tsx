import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { getAccessibilityStatement } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/session";
import { requirePermission } from "@/lib/auth/refuse";
import { SettingsNav } from "../settings-nav";
import { StatementForm } from "./statement-form";

export const metadata: Metadata = { title: "Tillgänglighetsredogörelse" };

/** Filled in for a site that has none yet, so an admin starts from the parts DIGG asks for. */
const EMPTY = {
  scope: "",
  conformance: "partial" as const,
  shortcomings: [],
  disproportionateBurden: "",
  assessmentMethod: "",
  assessedOn: "",
  updatedOn: null,
  contactEmail: "",
  contactPhone: "",
  responseTime: "",
};

export default async function AccessibilitySettingsPage() {
  const user = await requireUser("/redaktion/installningar/tillganglighet");
  // Staff who may not change settings get the same answer as for a page that does not exist.
  requirePermission(user, "settings.manage");
  const statement = await getAccessibilityStatement(await getDb());
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Tillgänglighetsredogörelse</h1>
      <SettingsNav current="/redaktion/installningar/tillganglighet" />
      <p className="max-w-3xl">
        Lagen om tillgänglighet till digital offentlig service kräver att webbplatsen har en redogörelse. Det du sparar här visas på{" "}
        <Link className="text-brand underline" href="/tillganglighet">
          webbplatsens sida om tillgänglighet
        </Link>
        , tillsammans med länken till Diggs anmälningsformulär.
      </p>
      <StatementForm values={statement ?? EMPTY} />
    </div>
  );
}
