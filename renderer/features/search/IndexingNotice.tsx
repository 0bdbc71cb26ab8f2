/** "Indexing…" beside search results while the workspace's texts are still being read after a start. */
import type { SearchReadiness } from '../../workbench/searchReadiness.js';
import { useSearchReady } from '../../workbench/searchReadiness.js';

export function IndexingNotice({ readiness }: { readiness: SearchReadiness }) {
  const ready = useSearchReady(readiness);
  if (ready) return null;
  return (
    <p className="indexing-notice" role="status" aria-label="Search index">
      Indexing… the first search takes a few seconds longer
    </p>
  );
}
