/**
 * The notice after a Delete: "Deleted “Title”." with Undo. When it goes without Undo (timed out, closed,
 * or replaced by the next Delete) the file is released: on the desktop it moves on to the system trash.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { DocumentSessions } from '../workbench/documentSessions.js';
import { Toast } from '../ui/Toast.js';

interface Trashed {
  path: string;
  trashedTo: string;
  title: string;
}

export function useTrashNotice(documents: DocumentSessions): {
  trashed: (entry: Trashed) => void;
  notice: ReactNode;
} {
  const [shown, setShown] = useState<Trashed | undefined>(undefined);
  const current = useRef<Trashed | undefined>(undefined);
  const show = useCallback(
    (entry: Trashed | undefined) => {
      if (current.current) void documents.release(current.current.trashedTo);
      current.current = entry;
      setShown(entry);
    },
    [documents],
  );
  const close = useCallback(() => show(undefined), [show]);
  const undo = useCallback(() => {
    const undone = current.current;
    current.current = undefined;
    setShown(undefined);
    if (undone) void documents.restore(undone.trashedTo, undone.path);
  }, [documents]);
  return {
    trashed: show,
    notice: shown && (
      <Toast message={`Deleted “${shown.title}”.`} action={{ label: 'Undo', run: undo }} onClose={close} />
    ),
  };
}
