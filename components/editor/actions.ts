import type { Byline } from "@/db/schema";
import type { overrideWarning } from "@/lib/editorial/override-warning";
import type { restoreRevision } from "@/lib/editorial/restore-revision";
import type { setAuthors } from "@/lib/editorial/set-authors";
import type { ActionResult } from "@/lib/errors";

type Outcome<F extends (...args: never[]) => Promise<unknown>> = Promise<ActionResult<Awaited<ReturnType<F>>>>;

/**
 * The server actions the editor's panels call (app/redaktion/texter/actions.ts). The page hands
 * them in as props: components sit below app/ and never import from it.
 */
export type EditorActions = {
  setAuthors: (input: { id: string; baseVersion: number; authors: Byline[] }) => Outcome<typeof setAuthors>;
  restoreRevision: (input: { id: string; revisionId: string; baseVersion: number }) => Outcome<typeof restoreRevision>;
  overrideWarning: (input: { id: string; key: string; reason: string }) => Outcome<typeof overrideWarning>;
};
