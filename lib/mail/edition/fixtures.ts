import { bold, doc, figure, h, hr, infoBox, italic, link, ol, p, qa, quote, signature, table, ul } from "@/lib/content/build";
import type { IssueEditionData, PostEditionData } from "./types";

/** Test data for the renderers: a document holding every block type of contentExtensions. */

export const ORIGIN = "https://exempelby.example";
export const PHOTO_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
export const COVER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

export const everyBlock = doc(
  h(2, "Så blir vintern i byn"),
  p("Läs mer i ", link("kommunens kalender", "/kalender"), " eller på ", link("Krisinformation", "https://www.krisinformation.se/"), "."),
  p(bold("Fetstil"), " och ", italic("kursiv"), { type: "hardBreak" }, "ny rad."),
  ul(["Snöröjning börjar vid 5 cm"], ["Sandning vid halka"]),
  ol(["Ring växeln"], ["Fråga efter gatuchefen"]),
  quote(p("Vi har aldrig haft så mycket snö.")),
  hr(),
  figure({ mediaId: PHOTO_ID, alt: "Plogbil på Storgatan i snöfall", caption: "Plogbilen på Storgatan.", credit: "Eva Fotograf", width: 2400, height: 1600 }),
  infoBox("Datum, tid och plats", p(bold("När: "), "Måndag kl. 18.00"), p(bold("Var: "), "Kommunhuset")),
  h(3, "Frågor och svar"),
  qa(["Vem plogar min gata?", "Kommunen plogar de kommunala gatorna."], ["Hur anmäler jag ett fel?", "Ring felanmälan."]),
  table([
    ["Dag", "Tid"],
    ["Måndag", "10–12"],
  ]),
  p("Farlig ", { type: "text", text: "länk", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }, "."),
  signature("Erik Dahl", "Gatuchef"),
);

export function issueData(overrides: Partial<IssueEditionData> = {}): IssueEditionData {
  return {
    origin: ORIGIN,
    municipalityName: "Exempelby kommun",
    publicationName: "Nyhetsbrev för Exempelby kommun",
    year: 2026,
    number: 11,
    theme: "",
    publishedAt: new Date("2026-11-02T08:00:00Z"),
    url: `${ORIGIN}/nyhetsbrev/2026/11`,
    texts: [
      {
        url: `${ORIGIN}/nyhetsbrev/2026/11/karins-reflektioner`,
        placement: "column",
        title: "Karins reflektioner",
        lead: "Vintern är här och med den nya utmaningar för hela kommunen.",
        body: doc(p("Det har varit en intensiv höst."), signature("Karin Holm", "Kommunchef")),
        byline: [{ userId: null, name: "Karin Holm", title: "Kommunchef" }],
        cover: null,
      },
      {
        url: `${ORIGIN}/nyhetsbrev/2026/11/vintervaghallning`,
        placement: "article",
        title: "Vinterväghållning",
        lead: "Så plogar vi när snön kommer.",
        body: everyBlock,
        byline: [{ userId: null, name: "Jonas Berg", title: "Informatör" }],
        cover: { id: COVER_ID, alt: "", caption: "", credit: "" },
      },
    ],
    calendar: [
      {
        title: "Julmarknad på Torget",
        startsOn: "2026-12-02",
        startTime: "10:00:00",
        endTime: "15:00:00",
        endsOn: null,
        place: "Torget",
        description: "",
        link: null,
        cancelled: false,
      },
      { title: "Luciakonsert", startsOn: "2026-12-13", startTime: null, endTime: null, endsOn: null, place: "Kyrkan", description: "", link: null, cancelled: true },
      { title: "Nyårsbad", startsOn: "2027-01-01", startTime: null, endTime: null, endsOn: null, place: "", description: "", link: null, cancelled: false },
    ],
    calendarNote: "Med reservation för eventuella ändringar",
    colophon: {
      publisherName: "Karin Holm",
      publisherTitle: "Kommunchef",
      publisherEmail: "karin.holm@exempelby.test",
      editorLabel: "Redaktör",
      editorName: "Jonas Berg",
      editorEmail: "jonas.berg@exempelby.test",
      municipalityName: "Exempelby kommun",
      streetAddress: "Kommunhuset, Storgatan 1",
      postalAddress: "123 45 Exempelby",
      phone: "0123-456 00",
      email: "kommunen@exempelby.test",
      webUrl: "https://exempelby.example",
    },
    images: {
      [PHOTO_ID]: { mimeType: "image/jpeg", width: 2400, height: 1600 },
      [COVER_ID]: { mimeType: "image/png", width: 800, height: 400 },
    },
    ...overrides,
  };
}

export function postData(overrides: Partial<PostEditionData> = {}): PostEditionData {
  return {
    origin: ORIGIN,
    municipalityName: "Exempelby kommun",
    blogName: "Kommunchefens blogg",
    publishedAt: new Date("2026-11-20T08:00:00Z"),
    post: {
      url: `${ORIGIN}/blogg/kommunchefen/veckan-som-gatt`,
      placement: "article",
      title: "Veckan som gått",
      lead: "En vecka med budget, snö och ett besök på Solgården.",
      body: doc(h(2, "Budgeten"), p("Vi har lagt fram förslaget."), p("/Karin")),
      byline: [{ userId: null, name: "Karin Holm", title: "Kommunchef" }],
      cover: { id: COVER_ID, alt: "Solgårdens entré en vintermorgon", caption: "", credit: "Jonas Berg" },
    },
    images: { [COVER_ID]: { mimeType: "image/jpeg", width: 1200, height: 800 } },
    ...overrides,
  };
}
