/**
 * The notice after a rename from the Title field, "Renamed to “X”." with Undo, gone after a while as
 * Delete's and Archive's are. Undo renames back through the same call; a titled document gets its old
 * title, then its old file name. It is offered only where renaming back restores every byte. A rename
 * that rewrote other notes' links is a move within its folder: the server keeps what each file held, and
 * the move's notice ("Renamed to “X” · 2 links updated") offers that Undo instead (renaming back left
 * links pinned for a namesake and a padded table row one width off, walk11f).
 */
import { useCallback, useState } from 'react';
import { fileTitle } from '../../../shared/model/documentTitle.js';
import type { RenameByName } from '../../workbench/documentLifecycle.js';
import { Toast } from '../../ui/Toast.js';

interface DoneRename {
  from: string;
  to: string;
  /** The front-matter title before the rename (a titled document), put back first on Undo. */
  title?: string;
}

interface RenameUndoOptions {
  /** The path now (the title field's own may still be the one before a rename that just ended). */
  currentPath: () => string;
  /** The path and title this render shows. */
  path: string;
  title: string;
  rename: (byName?: RenameByName) => Promise<string | undefined>;
  setFields: (fields: Record<string, unknown>) => void;
  /** Why Undo could not rename back (the old name was taken meanwhile). */
  failed: (message: string) => void;
}

export function useRenameUndo({ currentPath, path, title, rename, setFields, failed }: RenameUndoOptions) {
  const [done, setDone] = useState<DoneRename | undefined>(undefined);
  const close = useCallback(() => setDone(undefined), []);

  /** Renames as asked and, when the file name changed, offers it back; answers why not, as `rename` does. */
  async function renameOffering(
    request: RenameByName | undefined,
    title?: string,
  ): Promise<string | undefined> {
    const from = currentPath();
    const failure = await rename(request);
    const to = currentPath();
    // Renaming back restores no link this rename rewrote or pinned: those get the move's notice and Undo.
    const touchedOthers = request?.updateLinks === true || request?.namesake !== undefined;
    if (!failure && to !== from && !touchedOthers) {
      setDone({
        from,
        to,
        ...(title !== undefined ? { title } : {}),
      });
    }
    return failure;
  }

  async function undo({ from, title }: DoneRename): Promise<void> {
    if (title !== undefined) setFields({ title });
    const request = { name: fileTitle(from), updateLinks: false };
    let failure = await rename(request);
    // A rename already on its way (the title field left by this very click) takes the turn: ask again.
    if (!failure && currentPath() !== from) failure = await rename(request);
    if (failure) failed(`Not renamed back: ${failure}`);
  }

  // Shown while the document is still where the rename put it (a later move or rename takes it away).
  const notice = done && done.to === path && (
    <Toast
      message={`Renamed to “${title}”.`}
      action={{ label: 'Undo', run: () => void undo(done) }}
      onClose={close}
    />
  );
  return { renameOffering, notice };
}
