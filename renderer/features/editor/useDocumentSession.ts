/**
 * The React binding of one open document's session (renderer/workbench/documentSession.ts, which
 * owns its lifecycle): the page renders the session's view and forwards the editor's changes, the
 * workspace's change events and the user's choices to it.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { FileVersion, WorkspaceChangeEvent } from '../../../shared/contract/apiContract.js';
import type { DocumentSession, SessionView } from '../../workbench/documentSession.js';
import type { SessionMemo } from '../../workbench/sessionMemo.js';

import type { RenameByName } from '../../workbench/documentLifecycle.js';

export type { SaveStatus, Theirs } from '../../workbench/documentLifecycle.js';
export { autosaveDelayMs } from '../../workbench/documentSession.js';

export interface DocumentSessionBinding extends SessionView {
  attachEditor: (editor: Editor | null) => void;
  markDirty: (doc?: ProseMirrorNode) => void;
  /** Counts an edit that lands later (a pasted image being saved) as unsaved until it has. */
  track: <T>(work: Promise<T>) => Promise<T>;
  insertContent: (position: number, content: JSONContent[]) => void;
  setFields: (changes: Record<string, unknown>) => void;
  /** The text that would be written now (for Compare). */
  currentText: () => string;
  keepMine: () => void;
  takeTheirs: () => void;
  restoreBackup: () => void;
  discardBackup: () => void;
  saveNow: () => Promise<void>;
  /** The version this session's last save wrote. */
  savedVersion: () => FileVersion | undefined;
  /** Reads the file again after a write that did not come from the editor (an approval stamp). */
  reloadFromDisk: () => void;
  /** Renames after the title, or to `byName`; answers why not (for a rename by name). */
  rename: (byName?: RenameByName) => Promise<string | undefined>;
  /** The document's path this moment (a render may still show the one before a rename). */
  currentPath: () => string;
  /** What the page's views say about this document, kept across a remount. */
  memo: SessionMemo;
}

export function useDocumentSession(
  session: DocumentSession,
  lastChange: WorkspaceChangeEvent | undefined,
): DocumentSessionBinding {
  const view = useSyncExternalStore(session.subscribe, session.getView);

  // An outside change to this document's file: the session reads it and reloads or raises a conflict.
  useEffect(() => {
    if (lastChange?.paths.includes(session.path)) session.changedOnDisk(lastChange.fromOtherWindow === true);
  }, [session, lastChange]);

  // Closing the window with unsaved text asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const { dirty, busy, saveDue, pending } = session.lifecycle;
      if (dirty || pending > 0 || busy === 'save' || saveDue) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [session]);

  const attachEditor = useCallback((editor: Editor | null) => session.attachEditor(editor), [session]);
  const actions = useMemo(
    () => ({
      markDirty: (doc?: ProseMirrorNode) => session.edited(doc),
      track: <T>(work: Promise<T>) => session.track(work),
      insertContent: (position: number, content: JSONContent[]) => session.insertContent(position, content),
      setFields: (changes: Record<string, unknown>) => session.setFields(changes),
      currentText: () => session.currentText(),
      keepMine: () => session.keepMine(),
      takeTheirs: () => session.takeTheirs(),
      restoreBackup: () => session.restoreBackup(),
      discardBackup: () => session.discardBackup(),
      saveNow: () => session.saveNow(),
      savedVersion: () => session.savedVersion,
      reloadFromDisk: () => session.changedOnDisk(),
      rename: (byName?: RenameByName) => session.rename(byName),
      currentPath: () => session.path,
      memo: session.memo,
    }),
    [session],
  );
  return { ...view, attachEditor, ...actions };
}
