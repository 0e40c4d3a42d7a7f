import type { JSONContent } from "@tiptap/core";
import type { Byline, FrozenEvent } from "@/db/schema";
import type { ColophonData } from "@/lib/issues/colophon";

/** What a mail needs: the subject, the hidden preview line, and the two alternative bodies. */
export type RenderedEdition = { subject: string; preheader: string; html: string; text: string };

export type RenderOptions = {
  /** A test send: "[Provutskick] " before the subject and a banner above the content. */
  test?: boolean;
};

/** An uploaded image as far as an e-mail needs it: which original file exists, and its size. */
export type EmailImage = { mimeType: string; width: number; height: number };

/** The images of an edition by media id (figures and covers), looked up once by the loader. */
export type EmailImages = Readonly<Record<string, EmailImage>>;

export type EmailCover = { id: string; alt: string; caption: string; credit: string };

/** One article or post as the e-mail shows it. */
export type EditionText = {
  /** The text's own page, absolute: its title links there, relative links in its body resolve against it. */
  url: string;
  placement: "column" | "article";
  title: string;
  lead: string;
  body: JSONContent;
  byline: readonly Byline[];
  cover: EmailCover | null;
};

/** Ansvarig utgivare, redaktör and the municipality's contact details, as the web prints them. */
export type EditionColophon = ColophonData;

/** Everything the issue e-mail shows, loaded beforehand: rendering is a pure function of this. */
export type IssueEditionData = {
  /** PUBLIC_URL's origin: every link and image in the mail is absolute on it. */
  origin: string;
  municipalityName: string;
  publicationName: string;
  year: number;
  number: number;
  /** The issue's optional theme ("Vinter i byn"), or "". */
  theme: string;
  publishedAt: Date | null;
  /** The issue's page, absolute. */
  url: string;
  /** In reading order: the column first, then the articles by position. */
  texts: EditionText[];
  calendar: readonly FrozenEvent[];
  calendarNote: string;
  colophon: EditionColophon;
  images: EmailImages;
};

/** Everything the e-mail of one blog post shows. */
export type PostEditionData = {
  origin: string;
  municipalityName: string;
  blogName: string;
  publishedAt: Date | null;
  post: EditionText;
  images: EmailImages;
};
