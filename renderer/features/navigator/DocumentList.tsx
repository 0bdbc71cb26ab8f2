/** A virtualized list of documents (and, for a vault, its folders): only the visible rows exist in the DOM, so 10,000 stay fast. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { FileChangeKind } from '../../../shared/contract/gitViews.js';
import { useGitState } from '../../workbench/gitState.js';
import { openHash } from '../../workbench/storyView.js';
import { useWorkspace } from '../../workbench/workspaceState.js';
import type { NavigatorRow } from './folderRows.js';
import { useDocumentContextMenu } from '../documents/index.js';

const rowHeight = 46;
/** A row with nothing under its title (a note without key, status or problem) takes one line. */
const compactRowHeight = 30;
const folderRowHeight = 32;
const indent = 14;

/** Why a document has a git badge: its hover text and its name for a screen reader. */
const gitBadgeTitles: Partial<Record<FileChangeKind, string>> = {
  modified: 'Changed since the last commit',
  added: 'New since the last commit',
  renamed: 'Renamed or moved since the last commit',
  conflicted: 'Both sides changed it in a merge: resolve it in Changes',
};

interface DocumentListProps {
  label: string;
  rows: readonly NavigatorRow[];
  openPath?: string;
  /** Folds or unfolds a folder row. */
  onToggleFolder?: (path: string) => void;
  /** Whether the workspace is writable: a read-only one opens stories in the engineer's view. */
  writable: boolean;
}

export function DocumentList({ label, rows, openPath, onToggleFolder, writable }: DocumentListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { onContextMenu, menu } = useDocumentContextMenu();
  const files = useGitState().status?.files;
  const { byKey } = useWorkspace();
  const changes = useMemo(() => new Map((files ?? []).map((file) => [file.path, file.change])), [files]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => heightOf(rows[index]),
    // A fresh key function each render makes the virtualizer re-read row heights when rows change
    // (a folder folds, a note gains a key) even if their number does not.
    getItemKey: (index) => {
      const row = rows[index];
      return row?.kind === 'folder' ? `folder:${row.path}` : (row?.entry.path ?? index);
    },
    overscan: 8,
  });
  if (rows.length === 0) return <p className="list-empty">Nothing here yet.</p>;
  return (
    <div ref={scroller} className="document-list" role="list" aria-label={label}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((virtual) => {
          const row = rows[virtual.index]!;
          const style = {
            position: 'absolute',
            top: 0,
            left: 0,
            right: 0,
            height: heightOf(row),
            transform: `translateY(${virtual.start}px)`,
            paddingLeft: row.depth * indent,
          } as const;
          if (row.kind === 'folder') {
            return (
              <div key={`folder:${row.path}`} role="listitem" className="folder-row" style={style}>
                <button
                  type="button"
                  aria-expanded={!row.collapsed}
                  title={row.path}
                  onClick={() => onToggleFolder?.(row.path)}
                >
                  <svg width="10" height="10" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                    <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                  </svg>
                  <span className="row-title" dir="auto">
                    {row.name}
                  </span>
                  <span className="count">{row.count}</span>
                </button>
              </div>
            );
          }
          const { entry } = row;
          return (
            <div
              key={entry.path}
              role="listitem"
              className={isCompact(row) ? 'document-row compact' : 'document-row'}
              style={style}
            >
              <a
                href={openHash(entry, writable, byKey)}
                aria-current={entry.path === openPath ? 'page' : undefined}
                title={entry.path}
                {...(onContextMenu ? { onContextMenu: (event) => onContextMenu(event, entry) } : {})}
              >
                <span className="row-title" dir="auto">
                  {entry.title || entry.path}
                </span>
                <span className="row-meta">
                  {entry.key && <span className="key">{entry.key}</span>}
                  {entry.status && <span className={`status status-${entry.status}`}>{entry.status}</span>}
                  {entry.problem && <span className="status status-problem">problem</span>}
                  <GitBadge change={changes.get(entry.path)} />
                </span>
              </a>
            </div>
          );
        })}
      </div>
      {menu}
    </div>
  );
}

function isCompact(row: NavigatorRow): boolean {
  return row.kind === 'document' && !row.entry.key && !row.entry.status && !row.entry.problem;
}

function heightOf(row: NavigatorRow | undefined): number {
  if (row?.kind === 'folder') return folderRowHeight;
  return row && isCompact(row) ? compactRowHeight : rowHeight;
}

/** Git's one-letter mark, so the row's only word is its own status (a new note is "new" once, not twice). */
const gitBadgeLetters: Partial<Record<FileChangeKind, string>> = {
  modified: 'M',
  added: 'A',
  renamed: 'R',
  conflicted: '!',
};

function GitBadge({ change }: { change: FileChangeKind | undefined }) {
  const title = change && gitBadgeTitles[change];
  if (!title) return null;
  return (
    <span className={`git-badge git-badge--${change}`} title={title}>
      <span aria-hidden="true">{gitBadgeLetters[change]}</span>
      <span className="visually-hidden">{title}</span>
    </span>
  );
}
