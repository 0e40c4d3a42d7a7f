import type { AccessibilityStatement, Conformance } from "@/db/schema";
import { formatDate, isoDate } from "@/lib/format";

/** DIGG's reporting page for accessibility shortcomings on public-sector websites. */
export const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";

export const CONFORMANCE_LABELS: Record<Conformance, string> = {
  full: "Helt förenlig",
  partial: "Delvis förenlig",
  none: "Inte förenlig",
};

const CONFORMANCE_TEXT: Record<Conformance, string> = {
  full: "Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.",
  partial: "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.",
  none: "Webbplatsen är inte förenlig med lagen om tillgänglighet till digital offentlig service. Bristerna beskrivs nedan.",
};

const link = "text-brand underline underline-offset-2";

/**
 * The statement in the order of DIGG's model statement: scope, conformance, shortcomings, how to
 * get inaccessible content, feedback, supervision, how the site was assessed, last update.
 */
export function AccessibilityStatementView({ statement, municipalityName }: { statement: AccessibilityStatement; municipalityName: string }) {
  const phoneHref = `tel:${statement.contactPhone.replace(/[^\d+]/g, "")}`;
  const contact = (
    <ul className="mt-3 list-disc space-y-1 pl-6">
      <li>
        E-post:{" "}
        <a className={link} href={`mailto:${statement.contactEmail}`}>
          {statement.contactEmail}
        </a>
      </li>
      {statement.contactPhone ? (
        <li>
          Telefon:{" "}
          <a className={link} href={phoneHref}>
            {statement.contactPhone}
          </a>
        </li>
      ) : null}
    </ul>
  );
  return (
    <div className="space-y-8 text-lg leading-relaxed">
      <p>
        {municipalityName} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om
        tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem till oss så att vi kan åtgärda dem.
      </p>
      <section aria-labelledby="omfattning">
        <h2 id="omfattning" className="text-2xl font-bold">
          Vad redogörelsen gäller
        </h2>
        <p className="mt-2">{statement.scope}</p>
      </section>
      <section aria-labelledby="forenlighet">
        <h2 id="forenlighet" className="text-2xl font-bold">
          Hur tillgänglig är webbplatsen?
        </h2>
        <p className="mt-2">
          <strong>{CONFORMANCE_LABELS[statement.conformance]}.</strong> {CONFORMANCE_TEXT[statement.conformance]}
        </p>
      </section>
      <section aria-labelledby="brister">
        <h2 id="brister" className="text-2xl font-bold">
          Innehåll som inte är tillgängligt
        </h2>
        {statement.shortcomings.length > 0 ? (
          <>
            <p className="mt-2">Det här känner vi till och arbetar med att rätta:</p>
            <ul className="mt-2 list-disc space-y-2 pl-6">
              {statement.shortcomings.map((shortcoming) => (
                <li key={shortcoming}>{shortcoming}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">Vi känner inte till några brister just nu.</p>
        )}
        {statement.disproportionateBurden ? (
          <>
            <h3 className="mt-4 text-xl font-bold">Oskäligt betungande anpassning</h3>
            <p className="mt-2">{statement.disproportionateBurden}</p>
          </>
        ) : null}
      </section>
      <section aria-labelledby="annat-format">
        <h2 id="annat-format" className="text-2xl font-bold">
          Om du inte kan använda delar av webbplatsen
        </h2>
        <p className="mt-2">Om du behöver innehåll från webbplatsen i ett annat format kan du kontakta oss:</p>
        {contact}
      </section>
      <section aria-labelledby="rapportera">
        <h2 id="rapportera" className="text-2xl font-bold">
          Rapportera brister i webbplatsens tillgänglighet
        </h2>
        <p className="mt-2">
          Vi arbetar hela tiden med att göra webbplatsen bättre. Om du upptäcker problem som inte står på den här sidan, eller om du tycker att vi inte uppfyller lagens krav, hör
          av dig till oss så att vi får veta att problemet finns.
          {statement.responseTime ? ` ${statement.responseTime}` : ""}
        </p>
        {contact}
      </section>
      <section aria-labelledby="tillsyn">
        <h2 id="tillsyn" className="text-2xl font-bold">
          Tillsyn
        </h2>
        <p className="mt-2">
          Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar
          dina synpunkter kan du{" "}
          <a className={link} href={DIGG_REPORT_URL}>
            anmäla det till Digg
          </a>
          .
        </p>
      </section>
      <section aria-labelledby="bedomning">
        <h2 id="bedomning" className="text-2xl font-bold">
          Hur vi har testat webbplatsen
        </h2>
        <p className="mt-2">{statement.assessmentMethod}</p>
        <p className="mt-2">
          Senaste bedömningen gjordes <time dateTime={isoDate(statement.assessedOn)}>{formatDate(statement.assessedOn)}</time>.
        </p>
      </section>
      <p className="text-muted">
        Redogörelsen uppdaterades senast <time dateTime={isoDate(statement.updatedOn)}>{formatDate(statement.updatedOn)}</time>.
      </p>
    </div>
  );
}
