/** A virtualized list of documents: only the visible rows exist in the DOM, so 10,000 stay fast. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { documentHash } from '../../workbench/route.js';

const rowHeight = 46;

interface DocumentListProps {
  label: string;
  documents: readonly DocumentSummary[];
  openPath?: string;
  /** Stories open in the editor too; the engineer's page is one click away inside it. */
  storyLinks?: boolean;
}

export function DocumentList({ label, documents, openPath }: DocumentListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: documents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  if (documents.length === 0) return <p className="list-empty">Nothing here yet.</p>;
  return (
    <div ref={scroller} className="document-list" role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = documents[row.index]!;
          return (
            <div
              key={entry.path}
              role="listitem"
              className="document-row"
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${row.start}px)`,
              }}
            >
              <a
                href={documentHash(entry.path)}
                aria-current={entry.path === openPath ? 'page' : undefined}
                title={entry.path}
              >
                <span className="row-title" dir="auto">
                  {entry.title || entry.path}
                </span>
                <span className="row-meta">
                  {entry.key && <span className="key">{entry.key}</span>}
                  {entry.status && <span className={`status status-${entry.status}`}>{entry.status}</span>}
                  {entry.problem && <span className="status status-problem">problem</span>}
                </span>
              </a>
            </div>
          );
        })}
      </div>
    </div>
  );
}
