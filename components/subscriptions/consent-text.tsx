import { CONSENT_VERSION } from "@/lib/subscriptions/consent";

/**
 * What the person agrees to, as the law asks it to be told at collection (GDPR art. 13). Its wording
 * is versioned by CONSENT_VERSION, stored with every consent: change the one with the other.
 */
export function ConsentText({ municipalityName, contactEmail }: { municipalityName: string; contactEmail?: string }) {
  const responsible = municipalityName || "Kommunen";
  return (
    <section id="personuppgifter" aria-labelledby="personuppgifter-rubrik" className="space-y-2 rounded border border-gray-300 bg-white p-4 text-sm">
      <h2 id="personuppgifter-rubrik" className="text-base font-semibold">
        Så hanterar vi din e-postadress
      </h2>
      <p>
        <strong>Vad vi sparar:</strong> din e-postadress, vilka nyhetsbrev och bloggar du vill ha, och när och hur du gav ditt samtycke (via formuläret eller en import som du själv
        har bekräftat).
      </p>
      <p>
        <strong>Varför:</strong> för att skicka det du har valt, och inget annat. Ingenting räknas som prenumeration förrän du har bekräftat via länken i mejlet vi skickar.
      </p>
      <p>
        <strong>Hur du slutar:</strong> med länken ”Avsluta prenumeration” som finns i varje utskick. Då raderas din adress; kvar blir bara en oläslig kontrollsumma som hindrar att
        adressen läggs till igen utan att du själv ber om det.
      </p>
      <p>
        <strong>Ansvarig:</strong> {responsible} är personuppgiftsansvarig
        {contactEmail ? (
          <>
            {" "}
            och nås på{" "}
            <a className="underline" href={`mailto:${contactEmail}`}>
              {contactEmail}
            </a>
          </>
        ) : null}
        . Du kan när som helst be att få veta vad som finns sparat om dig eller att det raderas.
      </p>
      <p className="text-muted">Version {CONSENT_VERSION}</p>
    </section>
  );
}
