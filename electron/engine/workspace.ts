/**
 * The one object the CLI, the browser server and the desktop app open: settings, roadmap, rules, the
 * watcher and the index cache, wired together in one place. What it knows of the documents lives in
 * DocumentIndexes; what a user does to them (save, rename, trash, rekey, backups) in DocumentOperations;
 * what changes outside Specbench in OutsideChanges.
 */
import type { NameResolver } from '../../shared/model/nameResolver.js';
import path from 'node:path';
import type {
  FindingView,
  QuickSwitchHit,
  SearchHit,
  SoftBreakStyle,
} from '../../shared/contract/apiContract.js';
import { traceRows, type TraceRow } from '../../shared/contract/traceRows.js';
import type { DocumentEntry, FeedbackSource, RequirementEntry } from '../../shared/model/documentModel.js';
import type { Release, RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { Settings } from '../../shared/model/settingsModel.js';
import { runRules } from '../../shared/rules/runRules.js';
import type { TemplateType } from '../../shared/templates/template.js';
import type { FeedbackRow } from '../import/feedbackRows.js';
import type { BackupStore } from './backupStore.js';
import { DocumentIndexes, roadmapFile } from './documentIndexes.js';
import {
  DocumentMoves,
  type NamesakeChoice,
  type ReadOnlyResult,
  type RenameDocumentResult,
  type RenameToResult,
} from './documentMoves.js';
import type { UndoMoveResult } from './moveUndo.js';
import {
  DocumentOperations,
  type CreateDocumentResult,
  type FeedbackImportResult,
  type RecoverBackupResult,
} from './documentOperations.js';
import type { RewriteNameLinksResult } from './namesakeOperations.js';
import type { NameLinkEdit, NamesakeNotice } from './namesakeLinks.js';
import {
  DocumentStore,
  type FileVersion,
  type ReadResult,
  type SaveResult,
  type TrashResult,
} from './documentStore.js';
import { CommentStore } from './commentStore.js';
import { recoverTransactions } from './fileTransaction.js';
import { removeRoadmapItem, type RemoveRoadmapItemResult } from './roadmapItemRemoval.js';
import { writeIndexCache } from './indexCache.js';
import { loadWorkspaceFiles, type LoadStatistics } from './loadWorkspaceFiles.js';
import { OutsideChanges, type WorkspaceChange } from './outsideChanges.js';
import type { RekeyResult } from './rekey.js';
import type { ReferencePlace, RepointResult } from './repoint.js';
import { RekeyLog } from './rekeyLog.js';
import { rebasedRecordIds } from '../git/rebasedRekeys.js';
import type { RoadmapStore } from './roadmapStore.js';
import type { SearchOptions } from './searchIndex.js';
import { readSettings } from './settingsStore.js';
import { repositoryFolderOf } from './repositoryFolder.js';
import { softBreakStyleOf } from './softBreakStyle.js';
import type { Link } from './workspaceIndex.js';
import {
  checkFolder,
  openWorkspaceRoadmap,
  type WorkspaceOpenError,
  type WorkspaceOpenOptions,
} from './workspaceAccess.js';
import { readWorkspaceTemplates, templateRules, type WorkspaceTemplates } from './workspaceTemplates.js';

export type { CreateDocumentResult } from './documentOperations.js';
export type { RenameDocumentResult, RenameToResult } from './documentMoves.js';
export type { Link } from './workspaceIndex.js';
export type { WorkspaceChange } from './outsideChanges.js';
export type { WorkspaceOpenError, WorkspaceOpenOptions } from './workspaceAccess.js';

export type WorkspaceOpenResult =
  { ok: true; workspace: Workspace } | { ok: false; error: WorkspaceOpenError; message: string };

/** A workspace whose folder, settings and roadmap passed, before its documents are loaded. */
export type WorkspaceBeginResult =
  | {
      ok: true;
      /** Whether the roadmap's write lock was taken (false when opened read-only). */
      writable: boolean;
      /** Reads and indexes the documents; call once. */
      load(): Promise<Workspace>;
      /** Releases what `begin` took, when `load` will never be called. */
      abandon(): Promise<void>;
    }
  | { ok: false; error: WorkspaceOpenError; message: string };

export interface OpenStatistics extends LoadStatistics {
  /** From the call to open until every document is indexed and searchable. */
  totalMs: number;
}

export class Workspace {
  private readonly indexes: DocumentIndexes;
  private readonly operations: DocumentOperations;
  private readonly moves: DocumentMoves;
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private readonly outside: OutsideChanges;
  private cacheWrite: Promise<unknown> = Promise.resolve();
  private closed = false;
  private searchReadyTold = false;
  /** Review comments, `reviews/<KEY>.md`: written by the app, and by a read-only `serve --comments`. */
  readonly comments: CommentStore;
  /** Copies of duplicated keys renamed after a merge, with the links still to point (`rekeys.json`, committed). */
  readonly rekeys: RekeyLog;
  /** How a single newline in a paragraph is shown and printed, as read at open (softBreakStyle.ts). */
  softBreaks: SoftBreakStyle = 'space';

  private constructor(
    readonly root: string,
    private currentSettings: Settings,
    readonly roadmapStore: RoadmapStore,
    private readonly store: DocumentStore,
    /** The workspace's own `templates/*.md`, as read when it opened. */
    readonly templates: WorkspaceTemplates,
    readonly statistics: OpenStatistics,
    backupFolder: string | undefined,
    /** Why a workspace opened for writing is read-only (another Specbench has it open, an unwritable folder). */
    readonly readOnlyReason: string | undefined,
    /** Another Specbench holds the workspace and this one was opened with `oneFileWrites`. */
    private readonly oneFileWrites = false,
  ) {
    this.indexes = new DocumentIndexes(root, store);
    const writes = {
      store,
      indexes: this.indexes,
      writable: () => this.writable,
      readOnlyMessage: () => this.readOnlyMessage,
      renamedAway: (oldPath: string) => this.outside.renamed(oldPath),
    };
    this.moves = new DocumentMoves(writes);
    this.operations = new DocumentOperations({
      ...writes,
      root,
      roadmapStore,
      templates,
      settings: () => this.currentSettings,
      oneFileWritable: () => this.oneFileWrites && !this.closed,
      ...(backupFolder === undefined ? {} : { backupFolder }),
    });
    roadmapStore.onDidChange(() => this.indexes.roadmapChanged());
    this.comments = new CommentStore(store, (key) => this.requirement(key)?.document.key);
    this.comments.onDidChange((keys) => this.emit({ paths: [], roadmap: false, comments: keys }));
    this.rekeys = new RekeyLog(root, (commits) => rebasedRecordIds(root, commits));
    this.outside = new OutsideChanges({
      root,
      store,
      indexes: this.indexes,
      roadmapStore,
      comments: this.comments,
      rekeys: this.rekeys,
      settingsChanged: (settings) => (this.currentSettings = settings),
      closed: () => this.closed,
      emit: (change) => this.emit(change),
    });
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  static async open(root: string, options: WorkspaceOpenOptions = {}): Promise<WorkspaceOpenResult> {
    const begun = await Workspace.begin(root, options);
    return begun.ok ? { ok: true, workspace: await begun.load() } : begun;
  }

  /**
   * The part of an open that can refuse it (folder, settings, roadmap and its lock), then `load` for
   * the documents: `serve` listens in between, so a browser loads the app while the index loads.
   */
  static async begin(root: string, options: WorkspaceOpenOptions = {}): Promise<WorkspaceBeginResult> {
    const started = performance.now();
    const absolute = path.resolve(root);
    const folder = await checkFolder(absolute, root);
    if (!folder.ok) return folder;
    const settings = await readSettings(absolute);
    if (!settings.ok) return settings;
    const roadmap = await openWorkspaceRoadmap(absolute, settings.settings, options);
    if (!roadmap.ok) return roadmap;
    const { roadmapStore, readOnlyReason, oneFileWrites } = roadmap;
    return {
      ok: true,
      writable: roadmapStore.writable,
      abandon: () => roadmapStore.close(),
      load: async () => {
        const store = new DocumentStore(absolute);
        // A multi-file save that a crash cut short is rolled back before anything is indexed.
        if (roadmapStore.writable) await recoverTransactions(absolute);
        const useCache = options.cache !== false;
        const [loaded, repositoryFolder, softBreaks] = await Promise.all([
          loadWorkspaceFiles(store, { cache: useCache, wholeEntries: options.wholeEntries === true }),
          repositoryFolderOf(absolute),
          softBreakStyleOf(absolute),
        ]);
        const templates = await readWorkspaceTemplates(store);
        const workspace = new Workspace(
          absolute,
          settings.settings,
          roadmapStore,
          store,
          templates,
          { ...loaded.statistics, totalMs: 0 },
          options.backupFolder,
          readOnlyReason,
          oneFileWrites,
        );
        workspace.indexes.index.setRepositoryFolder(repositoryFolder, path.basename(absolute));
        workspace.softBreaks = softBreaks;
        workspace.indexes.load(loaded.files, loaded.cachedTexts);
        await Promise.all([workspace.comments.load(), workspace.rekeys.load()]);
        workspace.statistics.totalMs = performance.now() - started;
        if (useCache && loaded.statistics.read > 0) workspace.scheduleCacheWrite(loaded.listedAt);
        if (options.watch === true) await workspace.watch();
        // Temp files of saves a crash interrupted: swept after open, off the critical path.
        if (roadmapStore.writable) void store.removeStaleTempFiles().catch(() => undefined);
        return workspace;
      },
    };
  }

  /** The workspace's folder inside its git repository (`docs`), '' at its root or outside git. */
  get repositoryFolder(): string {
    return this.indexes.index.repositoryFolder;
  }

  get settings(): Settings {
    return this.currentSettings;
  }

  get writable(): boolean {
    return this.roadmapStore.writable && !this.closed;
  }

  /** What a refused write says: who has the workspace open, or that it was opened read-only. */
  get readOnlyMessage(): string {
    return this.readOnlyReason ?? 'This workspace is open read-only.';
  }

  documents(): DocumentEntry[] {
    return this.indexes.index.documents();
  }

  document(keyOrPath: string): DocumentEntry | undefined {
    return this.indexes.index.document(keyOrPath);
  }

  requirement(key: string): { requirement: RequirementEntry; document: DocumentEntry } | undefined {
    return this.indexes.index.requirement(key);
  }

  /** Every requirement defined under a key; more than one is a duplicate (as after a merge). */
  requirementsWithKey(key: string): { requirement: RequirementEntry; document: DocumentEntry }[] {
    return this.indexes.index.requirementsWithKey(key);
  }

  /** Backups of unsaved edits; written even when the workspace is read-only, never inside it. */
  backups(): Promise<BackupStore> {
    return this.operations.backups();
  }

  /** A document deleted or renamed outside Specbench, put back from its backup of unsaved edits. */
  recoverBackup(documentPath: string): Promise<RecoverBackupResult> {
    return this.operations.recoverBackup(documentPath);
  }

  roadmap(): RoadmapItem[] {
    return this.roadmapStore.items();
  }

  releases(): Release[] {
    return this.roadmapStore.releases();
  }

  links(key: string): { outgoing: Link[]; incoming: Link[] } {
    return this.indexes.index.links(key);
  }

  /** A document's links by key and by name, in and out (backlinks included). */
  documentLinks(documentPath: string): { outgoing: Link[]; incoming: Link[] } {
    return this.indexes.documentLinks(documentPath);
  }

  /** Files other than Markdown, by workspace path: what embeds and relative links may name. */
  otherFiles(): readonly string[] {
    return this.indexes.otherFiles();
  }

  /** Where links by name lead: `[[Note]]`, `![[image.png]]`, relative Markdown links. */
  names(): NameResolver {
    return this.indexes.names();
  }

  /** The documents that link to this one by its file name, which renaming it would update. */
  linksToName(documentPath: string): { path: string; count: number }[] {
    return this.indexes.linksToName(documentPath);
  }

  trace(): TraceRow[] {
    const roadmap = this.roadmap();
    return traceRows(this.documents(), roadmap).map((row, index) => ({
      item: roadmap[index]!,
      requirements: row.requirements,
      covered: row.requirements.filter((requirement) => requirement.stories.length > 0).length,
    }));
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    const hits = this.indexes.search(query, options);
    this.tellSearchReady();
    return hits;
  }

  /** Whether search and the quick switcher answer without first reading and folding every text. */
  get searchReady(): boolean {
    return this.indexes.searchReady;
  }

  /** Reads and folds what search and the switcher need (a few hundred ms), then tells listeners. */
  prepareSearch(): void {
    if (this.closed || this.indexes.searchReady) return;
    this.indexes.prepareSearch(() => this.roadmap());
    this.tellSearchReady();
  }

  private tellSearchReady(): void {
    if (this.searchReadyTold || !this.indexes.searchReady) return;
    this.searchReadyTold = true;
    this.emit({ paths: [], roadmap: false, comments: [], searchReady: true });
  }

  quickSwitch(query: string, limit = 20): QuickSwitchHit[] {
    return this.indexes.quickSwitch(query, limit, () => this.roadmap());
  }

  /** Every rule's findings; `today` (`YYYY-MM-DD`, UTC by default) dates rules about time since a release. */
  check(options: { today?: string } = {}): FindingView[] {
    return runRules({
      otherFiles: this.indexes.otherFiles(),
      repositoryFolder: this.repositoryFolder,
      folderName: this.indexes.index.folderName,
      documents: this.documents(),
      roadmap: this.roadmap(),
      releases: this.releases(),
      settings: this.settings,
      reviews: this.comments.all(),
      rekeys: this.rekeys.all(),
      roadmapPath: roadmapFile,
      roadmapLines: this.roadmapStore.itemLines(),
      ...templateRules(this.templates),
      today: options.today ?? new Date().toISOString().slice(0, 10),
      linkLine: this.indexes.fieldLine,
    });
  }

  /** The renamed copies whose links still point at the old key, each link at its line now. */
  pendingRekeys() {
    return this.rekeys.pending(this.documents(), this.indexes.fieldLine);
  }

  readDocument(documentPath: string): Promise<ReadResult> {
    return this.operations.read(documentPath);
  }

  /** Saves unless the file changed on disk since `expected`; re-indexes what was written. */
  saveDocument(documentPath: string, text: string, expected: FileVersion): Promise<SaveResult> {
    return this.operations.save(documentPath, text, expected);
  }

  /** A new document from its template, under the next free key, at a slug path that clobbers nothing. */
  createDocument(
    type: TemplateType,
    title: string,
    options: { owner?: string; source?: FeedbackSource; customer?: string } = {},
  ): Promise<CreateDocumentResult> {
    return this.operations.create(type, title, options);
  }

  /** A new empty note named `<title>.md` in `folder` ('' is the root): plain Markdown, no front matter. */
  createNote(folder: string, title: string): Promise<RenameDocumentResult> {
    return this.operations.createNote(folder, title);
  }

  /** Renames a spec, story or FAQ to the slug of its title; its key, and so every link to it, stays. */
  renameDocument(documentPath: string): Promise<RenameDocumentResult> {
    return this.moves.rename(documentPath);
  }

  /** Renames a document to `name.md` in its folder; with `updateLinks`, every `[[name]]` to it follows. */
  renameDocumentTo(
    documentPath: string,
    name: string,
    options: { updateLinks?: boolean; namesake?: NamesakeChoice } = {},
  ): Promise<RenameToResult> {
    return this.moves.renameTo(documentPath, name, options.updateLinks === true, options.namesake);
  }

  /** The `[[Name]]` links a rename to `name` or a move into `folder` would take from a namesake; nothing is written. */
  namesakePreview(
    documentPath: string,
    change: { name: string } | { folder: string },
  ): Promise<NamesakeNotice | undefined> {
    return this.moves.namesakePreview(documentPath, change);
  }

  /** Writes each `[[…]]` target from `from` to `to`, all or none (pins links a namesake took; Undo). */
  rewriteNameLinks(edits: readonly NameLinkEdit[]): Promise<RewriteNameLinksResult> {
    return this.moves.rewriteNameLinks(edits);
  }

  /**
   * Moves a document into another folder (under `name` if given), rewriting first the links that would
   * stop leading to it and its own relative links (see DocumentMoves.move).
   */
  moveDocument(
    documentPath: string,
    folder: string,
    namesake?: NamesakeChoice,
    name?: string,
  ): Promise<RenameDocumentResult> {
    return this.moves.move(documentPath, folder, namesake, name);
  }

  /** How many links in how many notes moving a document into `folder` would rewrite. */
  movePreview(documentPath: string, folder: string): Promise<{ links: number; notes: number }> {
    return this.moves.movePreview(documentPath, folder);
  }

  /** Gives back every byte a move wrote and the document's old path, all or none. */
  undoMove(id: string): Promise<UndoMoveResult> {
    return this.moves.undoMove(id);
  }

  /** Puts a trashed document back where it was (`-2`… when the name was taken meanwhile). */
  restoreDocument(trashedTo: string, originalPath: string): Promise<RenameDocumentResult> {
    return this.moves.restore(trashedTo, originalPath);
  }

  /** Moves a document to `.specbench/trash/` and drops it from the index. */
  trashDocument(documentPath: string): Promise<TrashResult> {
    return this.operations.trash(documentPath);
  }

  /** Renames a key in every file (and the roadmap) or in none, then re-indexes the files that changed. */
  rekey(oldKey: string, newKey: string, file?: string, line?: number): Promise<RekeyResult | ReadOnlyResult> {
    return this.operations.rekey(oldKey, newKey, file, line);
  }

  repoint(
    oldKey: string,
    newKey: string,
    places: readonly ReferencePlace[],
  ): Promise<RepointResult | ReadOnlyResult> {
    return this.operations.repoint(oldKey, newKey, places);
  }

  /** Feedback rows as new notes, all or none; rows imported before are left out. */
  async importFeedback(
    rows: readonly FeedbackRow[],
    options: { dryRun: boolean },
  ): Promise<FeedbackImportResult | ReadOnlyResult> {
    const result = await this.operations.importFeedback(rows, options);
    // The watcher never reports our own writes: every window (one reloaded while the import ran
    // included) is told of the new notes here, or its inbox counts stay those from before.
    if (result.ok && result.written)
      this.emit({ paths: result.plan.notes.map((note) => note.path), roadmap: false, comments: [] });
    return result;
  }

  /** Deletes a roadmap item and takes it out of the feedback notes that are its evidence, all or none. */
  async removeRoadmapItem(key: string): Promise<RemoveRoadmapItemResult> {
    const parts = {
      store: this.store,
      indexes: this.indexes,
      roadmapStore: this.roadmapStore,
      documents: this.documents(),
    };
    const result = await removeRoadmapItem(parts, key);
    if (result.ok) this.emit({ paths: result.unlinked, roadmap: true, comments: [] });
    return result;
  }

  /** Called after a batch of outside changes has been re-indexed. */
  onDidChange(listener: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops watching, finishes the cache write and releases the roadmap lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.listeners.clear();
    await this.outside.close();
    await this.cacheWrite;
    await this.roadmapStore.close();
  }

  /**
   * Starts watching for outside changes (as `open` does with `watch: true`); resolves once changes
   * from now on are reported. Idempotent.
   */
  watch(): Promise<void> {
    // A closed workspace (a server stopped before its watch began) watches nothing.
    if (this.closed) return Promise.resolve();
    return this.outside.watch();
  }

  private scheduleCacheWrite(listedAt: number): void {
    // After open returns: serializing 10,000 entries should not delay the first paint or the first answer.
    this.cacheWrite = new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
      writeIndexCache(this.root, { listedAt, files: this.indexes.cachedFiles() }),
    );
  }
}
