/**
 * After a document's title is edited, its file takes the title's name (DESIGN.md: file names are slugs
 * of titles; links are by key, so none break) and the route follows with the same editor, losing
 * nothing typed meanwhile.
 */
import { useCallback, useRef } from 'react';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { documentHash } from './route.js';
import type { WorkspaceUpdate } from './workspaceState.js';

/** Each renamed document's first path, so its editor keeps its identity (and focus) under the new one. */
const editorKeys = new Map<string, string>();

/** The React key of the editor for `path`: stable across renames made here. */
export function editorKeyFor(path: string): string {
  return editorKeys.get(path) ?? path;
}

/** What the rename needs of the editor's session (which saves to its current path, so it follows the route). */
export interface RenamedSession {
  saveNow: () => Promise<void>;
}

/** A rename by name (a document titled by its file name): the new name, and whether links to it follow. */
export interface RenameByName {
  name: string;
  updateLinks: boolean;
}

/** Renames after the saved title, or to `byName`; answers why not in one sentence, or undefined. */
export function useTitleRename(
  api: SpecbenchApi,
  path: string,
  session: RenamedSession,
  update: (change: WorkspaceUpdate) => Promise<void>,
): (byName?: RenameByName) => Promise<string | undefined> {
  const running = useRef(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  return useCallback(
    async (byName?: RenameByName) => {
      if (running.current) return undefined;
      running.current = true;
      try {
        // The server names the file after the title on disk, so the edited title is saved first.
        await sessionRef.current.saveNow();
        const renamed = await api.renameDocument(
          byName ? { path, name: byName.name, updateLinks: byName.updateLinks } : { path },
        );
        if (!renamed.ok) return byName ? renamed.message : undefined;
        if (renamed.path === path) return undefined;
        // The editor follows at once, keeping its buffer: edits typed meanwhile are saved under the new name.
        editorKeys.set(renamed.path, editorKeyFor(path));
        const here = documentHash(path);
        const hash = window.location.hash;
        // The user may have gone elsewhere meanwhile; only a route still on this document follows it.
        if (hash === here || hash.startsWith(`${here}?`)) {
          window.location.replace(documentHash(renamed.path) + hash.slice(here.length));
        }
        await update({ paths: [path, renamed.path, ...(renamed.updatedFiles ?? [])] });
        // An autosave that left for the old name just before the rename failed there: save again, to the new one.
        await sessionRef.current.saveNow();
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [api, path, update],
  );
}
