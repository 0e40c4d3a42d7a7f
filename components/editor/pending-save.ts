/**
 * Lets controls outside the editor (the workflow buttons) wait until what the writer typed has
 * reached the server, so "Skicka för granskning" never sends the words from before the last pause.
 * One editor per page, so one registered flusher.
 */
let flusher: (() => Promise<boolean>) | null = null;

export function registerSaveFlusher(flush: () => Promise<boolean>): () => void {
  flusher = flush;
  return () => {
    if (flusher === flush) flusher = null;
  };
}

/** True when everything is saved (or there is no editor on the page); false if saving is stuck. */
export async function flushPendingSave(): Promise<boolean> {
  return flusher ? flusher() : true;
}
