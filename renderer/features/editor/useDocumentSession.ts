/**
 * One open document: parsed once on load, serialized only when autosave fires, compared with the
 * disk before every write; external edits reload a clean buffer and raise a conflict on a dirty one.
 * Unsaved text is backed up outside the workspace and offered back when the document opens again.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  BackupView,
  FileVersion,
  SpecbenchApi,
  WorkspaceChangeEvent,
} from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { setFrontMatterFields } from '../../../shared/frontMatter/frontMatter.js';
import type { ParsedDocument } from '../../../shared/markdown/markdownCodec.js';
import { BackupScheduler } from './backupScheduler.js';
import { sharedCodec } from '../../workbench/sharedCodec.js';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'conflict' | 'failed' | 'deleted';
export const autosaveDelayMs = 800;
const deletedMessage = 'This file was deleted or moved on disk. Your text is kept here.';

export interface Theirs {
  text: string;
  version: FileVersion;
}

export interface DocumentSession {
  phase: 'loading' | 'ready' | 'missing';
  message?: string;
  parsed?: ParsedDocument;
  /** Front-matter fields as currently edited. */
  fields: Record<string, unknown>;
  status: SaveStatus;
  theirs?: Theirs;
  /** Unsaved edits a crash left behind, until the user restores or discards them. */
  recovered?: BackupView;
  /** Changes whenever the editor's content is replaced from disk. */
  contentRevision: number;
  attachEditor: (editor: Editor | null) => void;
  markDirty: () => void;
  setFields: (changes: Record<string, unknown>) => void;
  /** The text that would be written now (for Compare). */
  currentText: () => string;
  keepMine: () => void;
  takeTheirs: () => void;
  restoreBackup: () => void;
  discardBackup: () => void;
  saveNow: () => Promise<void>;
}

function fieldsOf(parsed: ParsedDocument, raw: string | undefined): Record<string, unknown> {
  if (raw === parsed.split.frontMatter?.raw) return { ...(parsed.split.frontMatter?.data ?? {}) };
  return { ...(sharedCodec().parse(raw ?? '').split.frontMatter?.data ?? {}) };
}

export function useDocumentSession(
  api: SpecbenchApi,
  path: string,
  lastChange: WorkspaceChangeEvent | undefined,
  /** Our own writes raise no change event; the caller refreshes the index from here (with the saved summary). */
  onSaved: (summary?: DocumentSummary) => void = () => undefined,
): DocumentSession {
  const [phase, setPhase] = useState<DocumentSession['phase']>('loading');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [parsed, setParsed] = useState<ParsedDocument | undefined>(undefined);
  const [fields, setFieldsState] = useState<Record<string, unknown>>({});
  const [status, setStatusState] = useState<SaveStatus>('saved');
  // Mirrored in a ref so a keystroke that changes nothing visible schedules no React render.
  const statusRef = useRef<SaveStatus>('saved');
  const setStatus = useCallback((next: SaveStatus) => {
    if (statusRef.current === next) return;
    statusRef.current = next;
    setStatusState(next);
  }, []);
  const [theirs, setTheirs] = useState<Theirs | undefined>(undefined);
  const [contentRevision, setContentRevision] = useState(0);
  const [recovered, setRecovered] = useState<BackupView | undefined>(undefined);

  const editor = useRef<Editor | null>(null);
  const parsedRef = useRef<ParsedDocument | undefined>(undefined);
  const version = useRef<FileVersion | undefined>(undefined);
  const frontMatter = useRef<string | undefined>(undefined);
  const dirty = useRef(false);
  const saving = useRef<Promise<void> | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const lastText = useRef<string | undefined>(undefined);
  const inConflict = useRef(false);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  // A save already scheduled when the file is renamed after its title goes to the new name.
  const pathRef = useRef(path);
  pathRef.current = path;

  const adopt = useCallback((text: string, fileVersion: FileVersion) => {
    const next = sharedCodec().parse(text);
    parsedRef.current = next;
    version.current = fileVersion;
    frontMatter.current = next.split.frontMatter?.raw;
    lastText.current = text;
    dirty.current = false;
    inConflict.current = false;
    setParsed(next);
    setFieldsState(fieldsOf(next, frontMatter.current));
    setTheirs(undefined);
    setStatus('saved');
    setContentRevision((value) => value + 1);
    editor.current?.commands.setContent(next.doc, { emitUpdate: false });
  }, []);

  const currentText = useCallback((): string => {
    const source = parsedRef.current;
    if (!source) return '';
    const doc: JSONContent | undefined = editor.current?.getJSON();
    return sharedCodec().serialize(source, doc, frontMatter.current);
  }, []);

  const backups = useMemo(
    () =>
      new BackupScheduler(
        api,
        autosaveDelayMs,
        () => pathRef.current,
        () => {
          // Clean (saved, or a save in flight that calls `changed` again if it fails): nothing to serialize.
          if (!dirty.current || !version.current || !parsedRef.current) return undefined;
          const text = currentText();
          return text === lastText.current ? undefined : { text, base: version.current };
        },
      ),
    [api, currentText],
  );

  useEffect(() => {
    // Renamed after its title, the same document keeps its buffer and version: a rename changes no byte.
    if (parsedRef.current) return;
    let cancelled = false;
    void api.readDocument({ path }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setPhase('missing');
        setMessage(result.message);
        return;
      }
      adopt(result.text, result.version);
      setPhase('ready');
      void api
        .listBackups({ path })
        .then((listed) => {
          const backup = listed.ok ? listed.backups[0] : undefined;
          if (cancelled) return;
          if (backup) setRecovered(backup);
          else backups.release();
        })
        .catch(() => backups.release());
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, adopt, backups]);

  const save = useCallback(async (): Promise<void> => {
    if (saving.current) {
      await saving.current;
    }
    if (!dirty.current || inConflict.current || !version.current) return;
    const run = async () => {
      dirty.current = false;
      const text = currentText();
      if (text === lastText.current) {
        setStatus('saved');
        return;
      }
      setStatus('saving');
      const result = await api
        .saveDocument({ path: pathRef.current, text, expected: version.current! })
        .catch((error: unknown) => ({
          ok: false as const,
          error: 'failed',
          message: String(error),
          current: undefined,
        }));
      if (result.ok) {
        version.current = result.version;
        lastText.current = text;
        setStatus(dirty.current ? 'unsaved' : 'saved');
        if (!dirty.current) backups.discard();
        onSavedRef.current(result.summary);
        return;
      }
      dirty.current = true;
      backups.changed();
      if (result.current) {
        inConflict.current = true;
        setTheirs(result.current);
        setStatus('conflict');
      } else if (result.error === 'deleted') {
        // Typing on after the file vanished must not turn "deleted" into a vaguer "not saved".
        setStatus('deleted');
        setMessage(deletedMessage);
      } else {
        setStatus('failed');
        setMessage(result.message);
      }
    };
    saving.current = run().finally(() => {
      saving.current = undefined;
    });
    await saving.current;
    // Edits made while the write was in flight get their own write.
    if (dirty.current && !inConflict.current) {
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), autosaveDelayMs);
    }
  }, [api, path, currentText, backups]);

  const schedule = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), autosaveDelayMs);
  }, [save]);

  const markDirty = useCallback(() => {
    dirty.current = true;
    backups.changed();
    if (!inConflict.current) {
      if (statusRef.current !== 'saving') setStatus('unsaved');
      schedule();
    }
  }, [schedule, backups]);

  const setFields = useCallback(
    (changes: Record<string, unknown>) => {
      const eol = parsedRef.current?.text.includes('\r\n') ? '\r\n' : '\n';
      frontMatter.current = setFrontMatterFields(frontMatter.current, changes, eol);
      setFieldsState((current) => {
        const next = { ...current, ...changes };
        for (const [name, value] of Object.entries(changes)) if (value === undefined) delete next[name];
        return next;
      });
      markDirty();
    },
    [markDirty],
  );

  // An external change: reload when clean, raise a conflict when dirty; our own writes match our version.
  useEffect(() => {
    if (!lastChange?.paths.includes(path) || phase !== 'ready') return;
    let cancelled = false;
    void (async () => {
      if (saving.current) await saving.current;
      const result = await api.readDocument({ path });
      if (cancelled) return;
      if (!result.ok) {
        setStatus('deleted');
        setMessage(deletedMessage);
        return;
      }
      if (result.version.hash === version.current?.hash) return;
      if (!dirty.current) {
        adopt(result.text, result.version);
        return;
      }
      inConflict.current = true;
      window.clearTimeout(timer.current);
      setTheirs({ text: result.text, version: result.version });
      setStatus('conflict');
    })();
    return () => {
      cancelled = true;
    };
  }, [api, path, lastChange, phase, adopt]);

  const keepMine = useCallback(() => {
    if (!theirs) return;
    version.current = theirs.version;
    inConflict.current = false;
    dirty.current = true;
    setTheirs(undefined);
    void save();
  }, [theirs, save]);

  const takeTheirs = useCallback(() => {
    if (!theirs) return;
    adopt(theirs.text, theirs.version);
    backups.discard();
  }, [theirs, adopt, backups]);

  // The recovered text is saved against the version it started from, so a file changed since conflicts.
  const restoreBackup = useCallback(() => {
    if (!recovered) return;
    const onDisk = lastText.current;
    adopt(recovered.text, recovered.base);
    lastText.current = onDisk;
    setRecovered(undefined);
    backups.release(true);
    markDirty();
  }, [recovered, adopt, backups, markDirty]);

  const discardBackup = useCallback(() => {
    setRecovered(undefined);
    void api.discardBackup({ path }).finally(() => backups.release());
  }, [api, path, backups]);

  // Leaving the document saves what is pending; closing the window with unsaved text asks first.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current || saving.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      backups.flush();
      backups.dispose();
      window.clearTimeout(timer.current);
      if (dirty.current && !inConflict.current) void save();
    };
  }, [save, backups]);

  const attachEditor = useCallback((instance: Editor | null) => {
    editor.current = instance;
  }, []);

  return {
    phase,
    message,
    parsed,
    fields,
    status,
    theirs,
    recovered,
    contentRevision,
    attachEditor,
    markDirty,
    setFields,
    currentText,
    keepMine,
    takeTheirs,
    restoreBackup,
    discardBackup,
    saveNow: save,
  };
}
