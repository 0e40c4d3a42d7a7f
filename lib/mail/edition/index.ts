import type { Db } from "@/db/types";
import { renderIssueEmail } from "./issue";
import { loadIssueEdition, loadPostEdition, type EditionRevision } from "./load";
import { renderPostEmail } from "./post";
import type { RenderedEdition, RenderOptions } from "./types";

export { personalize, UNSUBSCRIBE_URL_PLACEHOLDER } from "./placeholder";
export { issueSubject, renderIssueEmail } from "./issue";
export { postSubject, renderPostEmail } from "./post";
export { loadIssueEdition, loadPostEdition, type EditionRevision } from "./load";
export type { IssueEditionData, PostEditionData, RenderedEdition, RenderOptions } from "./types";

export type EditionOptions = RenderOptions & {
  /** What to render: the published edition (the default; what subscribers get) or the staff preview. */
  revision?: EditionRevision;
};

/**
 * The e-mail of a newsletter issue, rendered once for all its subscribers: the per-subscriber
 * unsubscribe link is UNSUBSCRIBE_URL_PLACEHOLDER, replaced for each message with `personalize`.
 */
export async function renderIssueEdition(db: Db, issueId: string, options: EditionOptions = {}): Promise<RenderedEdition> {
  const data = await loadIssueEdition(db, issueId, { revision: options.revision ?? "published" });
  return renderIssueEmail(data, { test: options.test });
}

/** The e-mail of one newly published blog post, rendered once for all the blog's subscribers. */
export async function renderPostEdition(db: Db, itemId: string, options: EditionOptions = {}): Promise<RenderedEdition> {
  const data = await loadPostEdition(db, itemId, { revision: options.revision ?? "published" });
  return renderPostEmail(data, { test: options.test });
}
