/**
 * Each document's summary (what the app's lists need), made once per indexed entry: an entry is
 * replaced, never changed, when its file is indexed again, so a summary made for it stays true. A
 * cached entry's summary decodes its heavy part, which made the first `listDocuments` of a warm open
 * the slowest call on the way to the navigator.
 */
import { summarizeDocument, type DocumentSummary } from '../../shared/contract/documentSummary.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';

const made = new WeakMap<DocumentEntry, DocumentSummary>();

export function summaryOf(entry: DocumentEntry): DocumentSummary {
  let summary = made.get(entry);
  if (!summary) made.set(entry, (summary = summarizeDocument(entry)));
  return summary;
}

/**
 * Makes the summaries ahead of the first `listDocuments`, a slice of `sliceMs` (at least one summary)
 * per turn of the event loop, so the requests that arrive meanwhile (the app's page and bundle) are
 * answered between slices.
 */
export async function prepareSummaries(entries: readonly DocumentEntry[], sliceMs = 8): Promise<void> {
  let at = 0;
  while (at < entries.length) {
    const until = performance.now() + sliceMs;
    do summaryOf(entries[at++]!);
    while (at < entries.length && performance.now() < until);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
