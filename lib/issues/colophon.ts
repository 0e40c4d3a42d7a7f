/** Who answers for a publication: from its publisher and editor accounts (null when unset). */
export type ColophonPeople = {
  publisherName: string | null;
  publisherTitle: string | null;
  publisherEmail: string | null;
  editorLabel: string | null;
  editorName: string | null;
  editorEmail: string | null;
};

type ContactSettings = { municipalityName: string; streetAddress: string; postalAddress: string; phone: string; email: string; webUrl: string };

/** Ansvarig utgivare, redaktör and the municipality's contact details: what the web and the e-mail print. */
export type ColophonData = ColophonPeople & { editorLabel: string } & ContactSettings;

/** The colophon of a publication, from its people and the site settings (null before any are saved). */
export function colophonOf(people: ColophonPeople, settings: ContactSettings | null): ColophonData {
  return {
    publisherName: people.publisherName ?? null,
    publisherTitle: people.publisherTitle ?? null,
    publisherEmail: people.publisherEmail ?? null,
    editorLabel: people.editorLabel ?? "Redaktör",
    editorName: people.editorName ?? null,
    editorEmail: people.editorEmail ?? null,
    municipalityName: settings?.municipalityName ?? "",
    streetAddress: settings?.streetAddress ?? "",
    postalAddress: settings?.postalAddress ?? "",
    phone: settings?.phone ?? "",
    email: settings?.email ?? "",
    webUrl: settings?.webUrl ?? "",
  };
}
