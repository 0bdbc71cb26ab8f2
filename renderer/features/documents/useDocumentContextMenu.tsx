/**
 * Right-click (or the context-menu key, or Shift+F10) on a document in a list: the same Move to folder…,
 * Archive and Delete as the document's header, floating where it was asked for. Only in a writable
 * workspace; elsewhere the browser's own menu stays.
 */
import { useCallback, useState, type MouseEvent, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { useWorkspace } from '../../workbench/workspaceState.js';
import { DocumentActionsMenu } from './DocumentActionsMenu.js';

interface Shown {
  entry: DocumentSummary;
  x: number;
  y: number;
}

export function useDocumentContextMenu(): {
  onContextMenu: ((event: MouseEvent<HTMLElement>, entry: DocumentSummary) => void) | undefined;
  menu: ReactNode;
} {
  const writable = useWorkspace().info?.writable ?? false;
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const [problem, setProblem] = useState<{ message: string; x: number; y: number } | undefined>(undefined);
  const close = useCallback(() => setShown(undefined), []);
  const onContextMenu = useCallback((event: MouseEvent<HTMLElement>, entry: DocumentSummary) => {
    event.preventDefault();
    setProblem(undefined);
    // From the keyboard the event has no pointer position: open under the row instead.
    const box = event.currentTarget.getBoundingClientRect();
    const pointer = event.clientX !== 0 || event.clientY !== 0;
    setShown({ entry, x: pointer ? event.clientX : box.left + 12, y: pointer ? event.clientY : box.bottom });
  }, []);
  const menu = (
    <>
      {shown && (
        <DocumentActionsMenu
          path={shown.entry.path}
          archived={shown.entry.status === 'archived'}
          onClose={close}
          onProblem={(message) => setProblem(message ? { message, x: shown.x, y: shown.y } : undefined)}
          style={{ position: 'fixed', left: shown.x, top: shown.y, right: 'auto' }}
        />
      )}
      {problem && (
        <p
          className="inline-error floating-error"
          role="alert"
          style={{ left: problem.x, top: problem.y }}
          onClick={() => setProblem(undefined)}
        >
          {problem.message}
        </p>
      )}
    </>
  );
  return { onContextMenu: writable ? onContextMenu : undefined, menu };
}
