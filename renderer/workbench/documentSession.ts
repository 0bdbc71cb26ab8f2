/**
 * One open document: runs the effects of its lifecycle (documentLifecycle.ts) against the API and the
 * editor, and feeds every result back tagged with the generation it was issued for. The session
 * outlives its editor: leaving the document saves what is pending to this document's own path, and
 * the next document opens only after that.
 */
import type { Editor, JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import type { BackupView, FileVersion, SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../shared/contract/documentSummary.js';
import { setFrontMatterFields } from '../../shared/frontMatter/frontMatter.js';
import type { ParsedDocument } from '../../shared/markdown/markdownCodec.js';
import { BackupScheduler } from './backupScheduler.js';
import { SessionMemo } from './sessionMemo.js';
import { documentJson } from './documentJson.js';
import {
  openLifecycle,
  transition,
  type FileRequest,
  type RenameByName,
  type LifecycleEffect,
  type LifecycleEvent,
  type LifecycleState,
  type NamesakeAnswer,
  type SaveStatus,
  type Theirs,
} from './documentLifecycle.js';
import { sharedCodec } from './sharedCodec.js';
import { replaceChangedContent } from './replaceChangedContent.js';
import { softBreaksToNodes } from './softBreak.js';
import { doneMove, type DoneMove } from './doneMove.js';
import { mergeOwnLinks } from './ownLinksMerge.js';

export const autosaveDelayMs = 800;

/** What a session tells the workbench that holds it. */
export interface SessionHost {
  /** `summary`: what the index now holds of the saved document, when the save answered it. */
  wrote(path: string, summary?: DocumentSummary): void;
  /** `updatedFiles`: other documents whose links to it were rewritten. */
  renamed(session: DocumentSession, from: string, to: string, updatedFiles: string[]): void;
  /** A move finished: its notice says where to and how many links it rewrote, and offers its Undo. */
  relocated(move: DoneMove): void;
  gone(session: DocumentSession, path: string, trashedTo: string): void;
  /** The file is no longer on disk (deleted or moved outside the app); the editor keeps the text. */
  missing(path: string): void;
}

/** Everything the editor page renders, replaced (never mutated) when any of it changes. */
export interface SessionView {
  id: number;
  path: string;
  phase: LifecycleState['phase'];
  message?: string;
  parsed?: ParsedDocument;
  fields: Record<string, unknown>;
  status: SaveStatus;
  theirs?: Theirs;
  /** The last change on disk was a save from another window of Specbench, not an outside edit. */
  changedByOtherWindow?: boolean;
  recovered?: BackupView;
  /** Changes whenever the editor's content is replaced from disk. */
  contentRevision: number;
  /** A save, rename, move, trash or check is running or waiting. */
  busy: boolean;
}

function fieldsOf(parsed: ParsedDocument, raw: string | undefined): Record<string, unknown> {
  if (raw === parsed.split.frontMatter?.raw) return { ...(parsed.split.frontMatter?.data ?? {}) };
  return { ...(sharedCodec().parse(raw ?? '').split.frontMatter?.data ?? {}) };
}

export class DocumentSession {
  private state: LifecycleState;
  private view: SessionView;
  private readonly listeners = new Set<() => void>();
  private editor: Editor | null = null;
  /** The editor's document as of its last change: kept, so the text survives the editor's teardown. */
  private editedDoc: ProseMirrorNode | undefined;
  private frontMatter: string | undefined;
  /** The text on disk as far as this session knows (loaded or last saved). */
  private lastText: string | undefined;
  /** A move or rename rewrote this note's own links on disk: the next read merges them with typing. */
  private ownLinksRewritten = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private trashedTo: string | undefined;
  private savedSummary: DocumentSummary | undefined;
  private lastSaved: FileVersion | undefined;
  private readonly requestWaiters: ((failure: string | undefined) => void)[] = [];
  private requestFailure: string | undefined;
  private readonly backups: BackupScheduler;
  /** What views say about this document, kept while it is open (it outlives a remount). */
  readonly memo = new SessionMemo();
  private resolveClosed!: () => void;
  readonly closed: Promise<void> = new Promise((resolve) => (this.resolveClosed = resolve));

  constructor(
    private readonly api: SpecbenchApi,
    readonly id: number,
    path: string,
    private readonly host: SessionHost,
    /** The document left before this one: its pending edits are saved before this one is read. */
    after: Promise<void>,
  ) {
    const [state, effects] = openLifecycle(path);
    this.state = state;
    this.view = { id, path, phase: 'loading', fields: {}, status: 'saved', contentRevision: 0, busy: true };
    this.backups = new BackupScheduler(
      api,
      autosaveDelayMs,
      () => this.state.path,
      () => this.backupSnapshot(),
    );
    void after.then(() => this.run(effects));
  }

  get path(): string {
    return this.state.path;
  }
  get isClosed(): boolean {
    return this.state.phase === 'closed';
  }
  /** For tests and the model check: the lifecycle's state as it is now. */
  get lifecycle(): Readonly<LifecycleState> {
    return this.state;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getView = (): SessionView => this.view;

  attachEditor(editor: Editor | null): void {
    // Detaching keeps the last document, so leaving can still serialize it after the editor is gone.
    if (!editor && this.editor) this.editedDoc ??= this.editor.state.doc;
    this.editor = editor;
  }

  /** The buffer changed (`doc`: the editor's document now, kept without serializing it). */
  edited(doc?: ProseMirrorNode): void {
    if (doc) this.editedDoc = doc;
    this.backups.changed();
    this.dispatch({ type: 'edited' });
  }

  /**
   * An edit that reaches the buffer later (a pasted image being written to assets/): until `work` has
   * settled the document is not Saved, and leaving it waits, so what it inserts is saved to this file.
   */
  track<T>(work: Promise<T>): Promise<T> {
    this.dispatch({ type: 'editStarted' });
    return work.finally(() => this.dispatch({ type: 'editArrived' }));
  }

  /** Inserts `content` at `position`: into the editor, or into the kept document once the editor is gone. */
  insertContent(position: number, content: JSONContent[]): void {
    if (this.isClosed) return;
    const editor = this.editor;
    if (editor && !editor.isDestroyed) {
      const at = Math.min(position, editor.state.doc.content.size);
      editor.chain().insertContentAt(at, content).focus().run();
      return;
    }
    const doc = this.editedDoc;
    if (!doc) return;
    const nodes = content.map((json) => doc.type.schema.nodeFromJSON(json));
    const at = Math.min(position, doc.content.size);
    const transform = new Transform(doc);
    try {
      transform.insert(at, nodes);
    } catch {
      transform.insert(doc.content.size, doc.type.schema.nodes.paragraph!.create(null, nodes));
    }
    this.edited(transform.doc);
  }

  setFields(changes: Record<string, unknown>): void {
    const eol = this.view.parsed?.text.includes('\r\n') ? '\r\n' : '\n';
    this.frontMatter = setFrontMatterFields(this.frontMatter, changes, eol);
    const fields = { ...this.view.fields, ...changes };
    for (const [name, value] of Object.entries(changes)) if (value === undefined) delete fields[name];
    this.publish({ fields });
    this.edited();
  }

  /** The text that would be written now (for Compare, and for every save). */
  currentText(): string {
    const source = this.view.parsed;
    if (!source) return '';
    const doc = this.editedDoc ?? this.editor?.state.doc;
    return sharedCodec().serialize(source, doc && documentJson(doc), this.frontMatter);
  }

  /** The version this session's last save wrote (not a later outside edit that reloaded the editor). */
  get savedVersion(): FileVersion | undefined {
    return this.lastSaved;
  }

  /** Saves pending edits now; resolves once nothing is in flight or due. */
  async saveNow(): Promise<void> {
    this.dispatch({ type: 'saveDue' });
    await this.settled();
  }

  request(request: FileRequest): void {
    this.dispatch({ type: 'request', request });
  }

  /**
   * Renames after the saved title, or to `byName`, once pending edits are saved; answers why not in
   * one sentence (for a rename by name), or undefined.
   */
  rename = (byName?: RenameByName): Promise<string | undefined> =>
    new Promise((resolve) => {
      this.requestWaiters.push(resolve);
      this.request(byName ? { kind: 'rename', byName } : { kind: 'rename' });
      this.answerWaiters();
    });

  /**
   * Moves the file into `folder` once pending edits are saved (`namesake`: the answer to the question
   * about `[[Name]]` links it would take; `name`: another file name there); answers why not, or undefined.
   */
  move = (folder: string, namesake?: NamesakeAnswer, name?: string): Promise<string | undefined> =>
    new Promise((resolve) => {
      this.requestWaiters.push(resolve);
      this.request({ kind: 'move', folder, ...(namesake ? { namesake } : {}), ...(name ? { name } : {}) });
      this.answerWaiters();
    });

  /** Answers those waiting for a file request once none is pending or running. */
  private answerWaiters(): void {
    const { request, busy } = this.state;
    if (request || busy === 'rename' || busy === 'move' || this.requestWaiters.length === 0) return;
    const failure = this.requestFailure;
    this.requestFailure = undefined;
    for (const resolve of this.requestWaiters.splice(0)) resolve(failure);
  }
  changedOnDisk(fromOtherWindow = false): void {
    this.publish({ changedByOtherWindow: fromOtherWindow });
    this.dispatch({ type: 'changedOnDisk' });
  }
  keepMine(): void {
    this.dispatch({ type: 'keepMine' });
  }
  takeTheirs(): void {
    this.dispatch({ type: 'takeTheirs' });
  }
  /** The user moved on: pending edits are saved (or backed up), then the session closes. */
  leave(): void {
    this.backups.flush();
    this.dispatch({ type: 'leave' });
  }

  // The recovered text is saved against the version it started from, so a file changed since conflicts.
  restoreBackup(): void {
    const recovered = this.view.recovered;
    if (!recovered || this.state.phase !== 'ready') return;
    const onDisk = this.lastText;
    this.adopt(recovered.text);
    this.lastText = onDisk;
    this.publish({ recovered: undefined });
    this.backups.release(true);
    this.backups.changed();
    this.dispatch({ type: 'restored', base: recovered.base });
  }

  discardBackup(): void {
    this.publish({ recovered: undefined });
    void this.api
      .discardBackup({ path: this.state.path })
      .catch(() => undefined)
      .finally(() => this.backups.release());
  }

  /** Resolves when no operation is in flight and none is due. */
  async settled(): Promise<void> {
    while (this.state.busy || (this.state.saveDue && this.state.phase === 'ready')) {
      await new Promise<void>((resolve) => {
        const unsubscribe = this.subscribeState(() => {
          unsubscribe();
          resolve();
        });
      });
    }
  }

  private readonly stateListeners = new Set<() => void>();
  private subscribeState(listener: () => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  private dispatch(event: LifecycleEvent): void {
    const [state, effects] = transition(this.state, event);
    if (state === this.state && effects.length === 0) return;
    this.state = state;
    this.publish({
      path: state.path,
      phase: state.phase,
      status: state.status,
      theirs: state.theirs,
      message: state.message,
      busy: state.busy !== undefined || state.request !== undefined || state.checkDue,
    });
    this.run(effects);
    this.answerWaiters();
    for (const listener of [...this.stateListeners]) listener();
  }

  /** Replaces the view only when something in it changed, so a keystroke renders nothing new. */
  private publish(changes: Partial<SessionView>): void {
    const keys = Object.keys(changes) as (keyof SessionView)[];
    if (keys.every((key) => this.view[key] === changes[key])) return;
    this.view = { ...this.view, ...changes };
    for (const listener of [...this.listeners]) listener();
  }

  private run(effects: LifecycleEffect[]): void {
    for (const effect of effects) this.perform(effect);
  }

  private perform(effect: LifecycleEffect): void {
    switch (effect.type) {
      case 'read':
        return void this.read(effect.generation, effect.path);
      case 'save':
        return void this.save(effect.generation, effect.path, effect.expected);
      case 'check':
        return void this.check(effect.generation, effect.path);
      case 'file':
        return void this.changeFile(effect.generation, effect.path, effect.request);
      case 'adopt':
        this.adopt(effect.theirs.text, true);
        return this.backups.discard();
      case 'scheduleSave':
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.dispatch({ type: 'saveDue' }), autosaveDelayMs);
        return;
      case 'cancelSave':
        clearTimeout(this.timer);
        return;
      case 'discardBackup':
        return this.backups.discard();
      case 'wrote':
        this.host.wrote(this.state.path, this.savedSummary);
        this.savedSummary = undefined;
        return;
      case 'renamed':
        this.ownLinksRewritten = effect.updatedFiles.includes(effect.from);
        if (effect.from !== effect.to) {
          this.host.renamed(this, effect.from, effect.to, effect.updatedFiles);
        }
        return;
      case 'gone':
        this.backups.discard();
        return this.host.gone(this, effect.path, this.trashedTo ?? '');
      case 'closed':
        clearTimeout(this.timer);
        this.backups.flush();
        this.backups.dispose();
        return this.resolveClosed();
    }
  }

  /** `keepCaret`: another window's save (or Take theirs) reloads a document being worked in. */
  private adopt(text: string, keepCaret = false): void {
    const parsed = sharedCodec().parse(text);
    this.frontMatter = parsed.split.frontMatter?.raw;
    this.lastText = text;
    this.editedDoc = undefined;
    this.publish({
      parsed,
      fields: fieldsOf(parsed, this.frontMatter),
      contentRevision: this.view.contentRevision + 1,
    });
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return;
    if (!keepCaret)
      return void editor.commands.setContent(softBreaksToNodes(parsed.doc), { emitUpdate: false });
    // Only what differs is replaced, so the caret stays in its text (not an edit: no save, no dirty).
    const transaction = replaceChangedContent(
      editor.state,
      editor.schema.nodeFromJSON(softBreaksToNodes(parsed.doc)),
    );
    // Not an edit of the user's either: Ctrl+Z must not take the file's change back out of the editor
    // (after a move, it put the note's own links back as they were before, broken, and saved them).
    if (transaction)
      editor.view.dispatch(transaction.setMeta('preventUpdate', true).setMeta('addToHistory', false));
  }

  private async read(generation: number, path: string): Promise<void> {
    const result = await this.api.readDocument({ path }).catch((error: unknown) => ({
      ok: false as const,
      message: String(error),
    }));
    if (!result.ok) return this.dispatch({ type: 'loadFailed', generation, message: result.message });
    if (generation !== this.state.generation) return;
    this.adopt(result.text);
    this.dispatch({ type: 'loaded', generation, version: result.version });
    const listed = await this.api.listBackups({ path }).catch(() => undefined);
    const backup = listed?.ok ? listed.backups[0] : undefined;
    if (backup && !this.isClosed) this.publish({ recovered: backup });
    else this.backups.release();
  }

  private async save(generation: number, path: string, expected: FileVersion): Promise<void> {
    const text = this.currentText();
    if (text === this.lastText) return this.dispatch({ type: 'saved', generation, version: expected });
    const result = await this.api.saveDocument({ path, text, expected }).catch((error: unknown) => ({
      ok: false as const,
      error: 'failed',
      message: String(error),
      current: undefined,
    }));
    if (result.ok) {
      if (generation === this.state.generation) this.lastText = text;
      this.lastSaved = result.version;
      this.savedSummary = result.summary;
      return this.dispatch({ type: 'saved', generation, version: result.version });
    }
    this.backups.changed();
    if (result.current) this.dispatch({ type: 'saveConflict', generation, theirs: result.current });
    else if (result.error === 'deleted') this.dispatch({ type: 'saveDeleted', generation });
    else {
      const offline = result.error === 'unreachable';
      this.dispatch({ type: 'saveFailed', generation, message: result.message, offline });
    }
  }

  /** The server is back: edits that waited for it are saved now. */
  reconnected(): void {
    this.dispatch({ type: 'reconnected' });
  }

  /** Edits not yet on disk (typed, in flight, or waiting for the server). */
  get unsaved(): boolean {
    const { dirty, busy, saveDue } = this.state;
    return dirty || busy === 'save' || saveDue;
  }

  private async check(generation: number, path: string): Promise<void> {
    const result = await this.api.readDocument({ path }).catch(() => undefined);
    if (result?.ok) {
      const merged = this.mergedWithOwnLinks(path, result.text);
      if (merged !== undefined && generation === this.state.generation) {
        this.adopt(merged, true);
        this.lastText = result.text;
        return this.dispatch({ type: 'merged', generation, version: result.version });
      }
      this.dispatch({ type: 'diskRead', generation, theirs: { text: result.text, version: result.version } });
    } else {
      this.host.missing(path);
      this.dispatch({ type: 'diskMissing', generation });
    }
  }

  private async changeFile(generation: number, path: string, request: FileRequest): Promise<void> {
    const result = await (
      request.kind === 'trash'
        ? this.api.trashDocument({ path })
        : request.kind === 'move'
          ? this.api.moveDocument({
              path,
              folder: request.folder,
              ...(request.namesake ? { namesake: request.namesake } : {}),
              ...(request.name ? { name: request.name } : {}),
            })
          : this.api.renameDocument(request.byName ? { path, ...request.byName } : { path })
    ).catch((error: unknown) => ({ ok: false as const, error: 'failed', message: String(error) }));
    if (!result.ok) {
      // A rename after the title that cannot happen leaves the file as it is, quietly (as before).
      if (request.kind === 'rename' && !request.byName) {
        this.requestFailure = undefined;
        return this.dispatch({ type: 'moved', generation, path });
      }
      this.requestFailure = result.message;
      return this.dispatch({ type: 'requestFailed', generation, message: result.message });
    }
    if ('path' in result) {
      // A move, and a rename that rewrote links, leave a notice whose Undo gives back every file.
      if (request.kind === 'move' || ('undo' in result && result.undo !== undefined))
        this.host.relocated(doneMove(path, result));
      const updatedFiles =
        'updatedFiles' in result ? (result.updatedFiles as string[] | undefined) : undefined;
      return this.dispatch({ type: 'moved', generation, path: result.path, updatedFiles });
    }
    this.trashedTo = result.trashedTo;
    this.dispatch({ type: 'trashed', generation });
  }

  /** The typing not saved yet and the move's rewrite of the note's own links, both kept; none: ask. */
  private mergedWithOwnLinks(path: string, onDisk: string): string | undefined {
    if (!this.ownLinksRewritten) return undefined;
    this.ownLinksRewritten = false;
    if (!this.state.dirty || this.state.theirs || this.lastText === undefined) return undefined;
    return mergeOwnLinks(path, this.lastText, this.currentText(), onDisk);
  }

  private backupSnapshot(): { text: string; base: FileVersion } | undefined {
    // Clean (saved, or a save in flight that calls `changed` again if it fails): nothing to serialize.
    const base = this.state.base;
    if (!this.state.dirty || !base || !this.view.parsed) return undefined;
    const text = this.currentText();
    return text === this.lastText ? undefined : { text, base };
  }
}
