/**
 * The notice after a Delete, an Archive or a Move, with Undo: "Deleted “Title”." puts the file back,
 * "Archived “Title”." puts its status back, "Moved to Folder/ · 2 links updated" puts the note and
 * every file it rewrote back (or says why it cannot: one changed since). Each gets its own notice. A
 * Delete's notice that goes without Undo (timed out, closed, or sent away by newer ones past the cap)
 * releases the file: on the desktop it moves on to the system trash.
 */
import { useCallback, type ReactNode } from 'react';
import type { DocumentSessions } from '../workbench/documentSessions.js';
import { moveNotice, type DoneMove } from '../workbench/doneMove.js';
import { useUndoNotice } from '../ui/useUndoNotice.js';

/** A move's Undo puts several files back: it stays while the user presses Ctrl+Z a few times (walk11h). */
const multiFileUndo = 30_000;

export function useDocumentUndoNotice(documents: DocumentSessions): {
  trashed: (entry: { path: string; trashedTo: string; title: string }) => void;
  archived: (entry: { path: string; previous: string | undefined; title: string }) => void;
  moved: (move: DoneMove) => void;
  notice: ReactNode;
} {
  const { show, notice } = useUndoNotice();
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
  const moved = useCallback(
    (move: DoneMove) =>
      show({
        message: moveNotice(move),
        ...(move.undo === undefined
          ? {}
          : {
              duration: multiFileUndo,
              undo: () =>
                void documents.undoMove(move).then((problem) => {
                  if (problem) show({ message: `Not undone: ${problem}` });
                }),
            }),
      }),
    [documents, show],
  );
  return { trashed, archived, moved, notice };
}
