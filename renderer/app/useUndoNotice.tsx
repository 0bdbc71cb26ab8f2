/**
 * The notice after a Delete or an Archive, with Undo: "Deleted “Title”." puts the file back,
 * "Archived “Title”." puts its status back. A Delete's notice that goes without Undo (timed out,
 * closed, or replaced by the next notice) releases the file: on the desktop it moves on to the
 * system trash.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { DocumentSessions } from '../workbench/documentSessions.js';
import { Toast } from '../ui/Toast.js';

interface Shown {
  message: string;
  undo: () => void;
  /** What happens when the notice goes without Undo. */
  release?: () => void;
}

export function useUndoNotice(documents: DocumentSessions): {
  trashed: (entry: { path: string; trashedTo: string; title: string }) => void;
  archived: (entry: { path: string; previous: string | undefined; title: string }) => void;
  notice: ReactNode;
} {
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const current = useRef<Shown | undefined>(undefined);
  const show = useCallback((entry: Shown | undefined) => {
    current.current?.release?.();
    current.current = entry;
    setShown(entry);
  }, []);
  const close = useCallback(() => show(undefined), [show]);
  const undo = useCallback(() => {
    const undone = current.current;
    current.current = undefined;
    setShown(undefined);
    undone?.undo();
  }, []);
  const trashed = useCallback(
    ({ path, trashedTo, title }: { path: string; trashedTo: string; title: string }) =>
      show({
        message: `Deleted “${title}”.`,
        undo: () => void documents.restore(trashedTo, path),
        release: () => void documents.release(trashedTo),
      }),
    [documents, show],
  );
  const archived = useCallback(
    ({ path, previous, title }: { path: string; previous: string | undefined; title: string }) =>
      show({ message: `Archived “${title}”.`, undo: () => void documents.unarchive(path, previous) }),
    [documents, show],
  );
  return {
    trashed,
    archived,
    notice: shown && <Toast message={shown.message} action={{ label: 'Undo', run: undo }} onClose={close} />,
  };
}
