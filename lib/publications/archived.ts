import { AppError } from "@/lib/errors";

/**
 * An archived publication's texts stay readable, but nothing new is written in it: no new text,
 * no new issue, no text moved into it. Every path that adds to a publication asks here.
 */
export function archivedError(publicationName: string): AppError {
  const message = `${publicationName} är arkiverad. Det går inte att skriva något nytt i den.`;
  return new AppError("INVALID_TRANSITION", message, { publicationId: [message] });
}

export function refuseArchived(publication: { name: string; archivedAt: Date | null }): void {
  if (publication.archivedAt) throw archivedError(publication.name);
}
