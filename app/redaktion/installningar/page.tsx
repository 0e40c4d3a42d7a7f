import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getSiteLogo, getSiteSettings } from "@/db/queries/settings";
import { requirePermission } from "@/lib/auth/refuse";
import { requireUser } from "@/lib/auth/session";
import { headerLogo } from "@/lib/site/logo-urls";
import { IdentityForm } from "./identity-form";
import { LogoForm } from "./logo-form";
import { SettingsNav } from "./settings-nav";

export const metadata: Metadata = { title: "Inställningar" };

export default async function SettingsPage() {
  const user = await requireUser("/redaktion/installningar");
  requirePermission(user, "settings.manage");
  const db = await getDb();
  const [settings, logo] = await Promise.all([getSiteSettings(db), getSiteLogo(db)]);
  if (!settings) throw new Error("site_settings has no row");
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Inställningar</h1>
      <SettingsNav current="/redaktion/installningar" />
      <p className="max-w-3xl">Det du sparar här visas på alla sidor på webbplatsen direkt: i sidhuvudet, sidfoten, flödena och nyhetsbrevets kolofon.</p>
      <IdentityForm
        values={{
          municipalityName: settings.municipalityName,
          tagline: settings.tagline,
          streetAddress: settings.streetAddress,
          postalAddress: settings.postalAddress,
          phone: settings.phone,
          email: settings.email,
          webUrl: settings.webUrl,
          accentColor: settings.primaryColor,
        }}
      />
      <LogoForm logo={headerLogo(logo)} municipalityName={settings.municipalityName} />
    </div>
  );
}
