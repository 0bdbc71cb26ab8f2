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

export function useTitleRename(
  api: SpecbenchApi,
  path: string,
  session: RenamedSession,
  update: (change: WorkspaceUpdate) => Promise<void>,
): () => Promise<void> {
  const running = useRef(false);
  const sessionRef = useRef(session);
  sessionRef.current = session;
  return useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      // The server names the file after the title on disk, so the edited title is saved first.
      await sessionRef.current.saveNow();
      const renamed = await api.renameDocument({ path });
      if (!renamed.ok || renamed.path === path) return;
      // The editor follows at once, keeping its buffer: edits typed meanwhile are saved under the new name.
      editorKeys.set(renamed.path, editorKeyFor(path));
      const here = documentHash(path);
      const hash = window.location.hash;
      // The user may have gone elsewhere meanwhile; only a route still on this document follows it.
      if (hash === here || hash.startsWith(`${here}?`)) {
        window.location.replace(documentHash(renamed.path) + hash.slice(here.length));
      }
      await update({ paths: [path, renamed.path] });
      // An autosave that left for the old name just before the rename failed there: save again, to the new one.
      await sessionRef.current.saveNow();
    } finally {
      running.current = false;
    }
  }, [api, path, update]);
}
