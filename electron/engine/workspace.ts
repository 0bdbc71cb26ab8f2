/**
 * The one object the CLI, the browser server and the desktop app open: settings, documents, roadmap,
 * index, search, rules and the watcher, wired together in one place.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FindingView, QuickSwitchHit, SearchHit } from '../../shared/contract/apiContract.js';
import { traceRows, type TraceRow } from '../../shared/contract/traceRows.js';
import type { DocumentEntry, RequirementEntry } from '../../shared/model/documentModel.js';
import type { RoadmapItem } from '../../shared/model/roadmapModel.js';
import type { Settings } from '../../shared/model/settingsModel.js';
import { runRules } from '../../shared/rules/runRules.js';
import type { TemplateType } from '../../shared/templates/template.js';
import { BackupStore, backupFolderFor } from './backupStore.js';
import {
  DocumentStore,
  type FileVersion,
  type ReadResult,
  type SaveResult,
  type TrashResult,
} from './documentStore.js';
import { recoverTransactions } from './fileTransaction.js';
import { FileWatcher, type FileChange } from './fileWatcher.js';
import { writeIndexCache, type CachedFile } from './indexCache.js';
import {
  isDocumentPath,
  loadWorkspaceFiles,
  readAndIndexFile,
  readTextQuickly,
  type LoadStatistics,
} from './loadWorkspaceFiles.js';
import { quickSwitch, quickSwitchCandidate, type QuickSwitchCandidate } from './quickSwitch.js';
import { rekey, type RekeyResult } from './rekey.js';
import { RoadmapStore } from './roadmapStore.js';
import { SearchIndex, type SearchOptions } from './searchIndex.js';
import { readSettings } from './settingsStore.js';
import { WorkspaceIndex, type Link } from './workspaceIndex.js';
import { slugify } from './workspacePaths.js';
import { createFromTemplate, readWorkspaceTemplates, type WorkspaceTemplates } from './workspaceTemplates.js';

export type { Link } from './workspaceIndex.js';

export interface WorkspaceOpenOptions {
  /** Take the roadmap's write lock; a workspace another process is editing opens read-only. */
  write?: boolean;
  /** Watch the folder and re-index what changes outside. */
  watch?: boolean;
  /** Use and refresh `.specbench/index-cache.bin` (default true). */
  cache?: boolean;
  /** This workspace's backup folder; by default under the user's state folder (`backupFolderFor`). */
  backupFolder?: string;
}

export type WorkspaceOpenError =
  'not-found' | 'not-a-folder' | 'unreadable' | 'invalid-settings' | 'corrupt-roadmap' | 'locked';
export type WorkspaceOpenResult =
  { ok: true; workspace: Workspace } | { ok: false; error: WorkspaceOpenError; message: string };

export type RenameDocumentResult =
  { ok: true; path: string } | { ok: false; error: 'read-only' | 'not-found' | string; message: string };

export type CreateDocumentResult =
  | { ok: true; path: string; key: string }
  | { ok: false; error: 'read-only' | 'invalid-title' | 'exists' | 'io' | string; message: string };

export interface WorkspaceChange {
  /** Workspace-relative paths re-indexed after a change outside Specbench. */
  paths: string[];
  roadmap: boolean;
}

export interface OpenStatistics extends LoadStatistics {
  /** From the call to open until every document is indexed and searchable. */
  totalMs: number;
}

const roadmapFile = 'roadmap.json';
/** Longer than the watcher's longest batch and its folder reconcile: one rename may be reported twice. */
const renameEchoMs = 5000;
const settingsFile = 'specbench.json';

export class Workspace {
  private readonly index = new WorkspaceIndex();
  private readonly searchIndex = new SearchIndex((paths) => this.textsFor(paths));
  /** The texts of documents opened from the cache, read on the first search. */
  private cachedTexts: (() => Map<string, string>) | undefined;
  private readonly switchCandidates = new Map<string, QuickSwitchCandidate[]>();
  private roadmapCandidates: QuickSwitchCandidate[] | undefined;
  /** Every candidate in one array, rebuilt after a change: iterating 60,000 of them must stay cheap. */
  private allCandidates: QuickSwitchCandidate[] | undefined;
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  private watcher: FileWatcher | undefined;
  private cacheWrite: Promise<unknown> = Promise.resolve();
  /** Old names of our own renames, until when the watcher's reports of their deletion are echoes. */
  private readonly renamedAway = new Map<string, number>();
  /** Batches from the watcher are applied one after another. */
  private applying: Promise<void> = Promise.resolve();
  private closed = false;
  /** Unsaved edits, kept outside the workspace; created on first use. */
  private backupStore: BackupStore | undefined;
  private backupFolder: string | undefined;

  private constructor(
    readonly root: string,
    private currentSettings: Settings,
    readonly roadmapStore: RoadmapStore,
    private readonly store: DocumentStore,
    private readonly templates: WorkspaceTemplates,
    readonly statistics: OpenStatistics,
  ) {
    roadmapStore.onDidChange(() => {
      this.roadmapCandidates = undefined;
      this.allCandidates = undefined;
    });
  }

  static async open(root: string, options: WorkspaceOpenOptions = {}): Promise<WorkspaceOpenResult> {
    const started = performance.now();
    const absolute = path.resolve(root);
    const folder = await checkFolder(absolute);
    if (!folder.ok) return folder;
    const settings = await readSettings(absolute);
    if (!settings.ok) return settings;
    let roadmap = await RoadmapStore.open(absolute, {
      write: options.write === true,
      keyPrefix: settings.settings.prefixes.roadmap,
    });
    // Another process holds the roadmap's lock, or the folder is read-only: open read-only rather than not at all.
    if (!roadmap.ok && (roadmap.error === 'locked' || roadmap.error === 'unwritable')) {
      roadmap = await RoadmapStore.open(absolute, { keyPrefix: settings.settings.prefixes.roadmap });
    }
    if (!roadmap.ok) {
      const error =
        roadmap.error === 'corrupt'
          ? 'corrupt-roadmap'
          : roadmap.error === 'locked'
            ? 'locked'
            : 'unreadable';
      return { ok: false, error, message: roadmap.message };
    }
    const store = new DocumentStore(absolute);
    // A multi-file save that a crash cut short is rolled back before anything is indexed.
    if (roadmap.store.writable) await recoverTransactions(absolute);
    const useCache = options.cache !== false;
    const loaded = await loadWorkspaceFiles(store, { cache: useCache });
    const templates = await readWorkspaceTemplates(store);
    const workspace = new Workspace(absolute, settings.settings, roadmap.store, store, templates, {
      ...loaded.statistics,
      totalMs: 0,
    });
    for (const file of loaded.files) workspace.add(file);
    workspace.cachedTexts = loaded.cachedTexts;
    workspace.backupFolder = options.backupFolder;
    workspace.statistics.totalMs = performance.now() - started;
    if (useCache && loaded.statistics.read > 0) workspace.scheduleCacheWrite(loaded.listedAt);
    if (options.watch === true) await workspace.startWatching();
    // Temp files of saves a crash interrupted: swept after open, off the critical path.
    if (roadmap.store.writable) void store.removeStaleTempFiles().catch(() => undefined);
    return { ok: true, workspace };
  }

  get settings(): Settings {
    return this.currentSettings;
  }

  get writable(): boolean {
    return this.roadmapStore.writable && !this.closed;
  }

  documents(): DocumentEntry[] {
    return this.index.documents();
  }

  document(keyOrPath: string): DocumentEntry | undefined {
    return this.index.document(keyOrPath);
  }

  requirement(key: string): { requirement: RequirementEntry; document: DocumentEntry } | undefined {
    return this.index.requirement(key);
  }

  /** Backups of unsaved edits; written even when the workspace is read-only, never inside it. */
  async backups(): Promise<BackupStore> {
    if (!this.backupStore) {
      const folder =
        this.backupFolder ?? backupFolderFor(await fs.realpath(this.root).catch(() => this.root));
      this.backupStore ??= new BackupStore({ root: this.root, folder, documents: this.store });
    }
    return this.backupStore;
  }

  roadmap(): RoadmapItem[] {
    return this.roadmapStore.items();
  }

  links(key: string): { outgoing: Link[]; incoming: Link[] } {
    return this.index.links(key);
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
    return this.searchIndex.search(query, options);
  }

  quickSwitch(query: string, limit = 20): QuickSwitchHit[] {
    if (!this.allCandidates) {
      for (const entry of this.index.documents()) {
        if (!this.switchCandidates.has(entry.path))
          this.switchCandidates.set(entry.path, candidatesOf(entry));
      }
      this.roadmapCandidates ??= this.roadmap().map((item) =>
        quickSwitchCandidate({ path: roadmapFile, key: item.key, title: item.title, type: 'roadmap' }),
      );
      this.allCandidates = [...this.switchCandidates.values(), this.roadmapCandidates].flat();
    }
    return quickSwitch(this.allCandidates, query, limit);
  }

  check(): FindingView[] {
    const requiredSections: Partial<Record<TemplateType, string[]>> = {};
    for (const [type, template] of Object.entries(this.templates)) {
      requiredSections[type as TemplateType] = template.requiredSections;
    }
    return runRules({
      documents: this.documents(),
      roadmap: this.roadmap(),
      settings: this.settings,
      roadmapPath: roadmapFile,
      requiredSections,
    });
  }

  readDocument(documentPath: string): Promise<ReadResult> {
    return this.store.read(documentPath);
  }

  /** Saves unless the file changed on disk since `expected`; re-indexes what was written. */
  async saveDocument(documentPath: string, text: string, expected: FileVersion): Promise<SaveResult> {
    if (!this.writable) return readOnly();
    const saved = await this.store.save(documentPath, text, expected);
    if (saved.ok) this.reindex(documentPath, text, saved.version);
    return saved;
  }

  /** A new document from its template, under the next free key, at a slug path that clobbers nothing. */
  async createDocument(
    type: TemplateType,
    title: string,
    options: { owner?: string } = {},
  ): Promise<CreateDocumentResult> {
    if (!this.writable) return readOnly();
    const created = await createFromTemplate(this.store, {
      type,
      title,
      owner: options.owner,
      templates: this.templates,
      prefixes: this.settings.prefixes,
      keys: [...this.index.keys()],
    });
    if (!created.ok) return created;
    this.reindex(created.path, created.text, created.version);
    return { ok: true, path: created.path, key: created.key };
  }

  /**
   * Renames a spec, story or FAQ to the slug of its title (`-2`, `-3`… when taken) in its folder; its
   * key, and so every link to it, stays. A file already named after its title keeps its name.
   */
  async renameDocument(documentPath: string): Promise<RenameDocumentResult> {
    if (!this.writable) return readOnly();
    documentPath = normalizePath(documentPath);
    const entry = this.index.document(documentPath);
    if (!entry || entry.path !== documentPath) {
      return { ok: false, error: 'not-found', message: `${documentPath} is not in the workspace.` };
    }
    const folder = path.posix.dirname(documentPath);
    const slug = slugify(entry.title);
    const extension = path.posix.extname(documentPath);
    const name = path.posix.basename(documentPath, extension);
    const suffix = name.startsWith(`${slug}-`) ? name.slice(slug.length + 1) : undefined;
    if (entry.type === 'doc' || name === slug || (suffix !== undefined && /^[0-9]+$/.test(suffix))) {
      return { ok: true, path: documentPath };
    }
    for (let attempt = 1; attempt < 1000; attempt++) {
      const candidate = path.posix.join(folder, `${attempt === 1 ? slug : `${slug}-${attempt}`}${extension}`);
      const renamed = await this.store.rename(documentPath, candidate);
      if (renamed.ok) {
        // The watcher will report the old name as deleted: that is this rename, not an outside change.
        if (this.watcher) this.renamedAway.set(documentPath, Date.now() + renameEchoMs);
        this.drop(documentPath);
        await this.refresh(candidate);
        return { ok: true, path: candidate };
      }
      if (renamed.error !== 'exists') return { ok: false, error: renamed.error, message: renamed.message };
    }
    return { ok: false, error: 'exists', message: `Too many documents are named ${slug}.` };
  }

  /** Moves a document to `.specbench/trash/` and drops it from the index. */
  async trashDocument(documentPath: string): Promise<TrashResult> {
    if (!this.writable) return readOnly();
    const trashed = await this.store.trash(documentPath);
    if (trashed.ok) this.drop(normalizePath(documentPath));
    return trashed;
  }

  /** Renames a key in every file (and the roadmap) or in none, then re-indexes the files that changed. */
  async rekey(oldKey: string, newKey: string): Promise<RekeyResult | ReturnType<typeof readOnly>> {
    if (!this.writable) return readOnly();
    const result = await rekey(this.store, oldKey, newKey, { extraFiles: [roadmapFile] });
    if (result.ok) {
      for (const changed of result.changedFiles) {
        if (changed === roadmapFile) await this.roadmapStore.reload();
        else await this.refresh(changed);
      }
    }
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
    await this.watcher?.close();
    await this.applying;
    await this.cacheWrite;
    await this.roadmapStore.close();
  }

  private add(file: CachedFile): void {
    const { entry } = file;
    this.index.set(entry, file.fieldLines);
    this.searchIndex.set(entry, file.text);
    // Built on the first quick switch, not here: 60,000 foldings would slow every open.
    this.switchCandidates.delete(entry.path);
    this.allCandidates = undefined;
  }

  /** Texts for documents opened from the cache: the cache's copy, else the file as it is now. */
  private textsFor(paths: string[]): Map<string, string> {
    const cached = this.cachedTexts?.() ?? new Map<string, string>();
    this.cachedTexts = undefined;
    const texts = new Map<string, string>();
    for (const documentPath of paths)
      texts.set(documentPath, cached.get(documentPath) ?? readTextQuickly(this.root, documentPath));
    return texts;
  }

  private drop(documentPath: string): void {
    this.index.remove(documentPath);
    this.searchIndex.remove(documentPath);
    this.switchCandidates.delete(documentPath);
    this.allCandidates = undefined;
  }

  private reindex(documentPath: string, text: string, version: FileVersion): void {
    documentPath = normalizePath(documentPath);
    if (!isDocumentPath(documentPath)) return;
    const entry = this.index.update(documentPath, text, version);
    this.add({ entry, fieldLines: this.index.fieldLines(documentPath), text });
  }

  /** Reads a file again after it changed on disk; a vanished file leaves the index. */
  private async refresh(documentPath: string): Promise<void> {
    const file = await readAndIndexFile(this.store, documentPath);
    if (file) this.add(file);
    else this.drop(documentPath);
  }

  private async startWatching(): Promise<void> {
    this.watcher = new FileWatcher(this.root, this.store);
    this.watcher.onDidChangeFiles((changes) => {
      this.applying = this.applying.then(() => this.applyChanges(changes));
    });
    await this.watcher.start();
  }

  private async applyChanges(changes: FileChange[]): Promise<void> {
    const paths: string[] = [];
    let roadmap = false;
    for (const change of changes) {
      if (this.closed) return;
      if (change.path === roadmapFile) {
        await this.roadmapStore.reload();
        roadmap = true;
      } else if (change.path === settingsFile) {
        const settings = await readSettings(this.root);
        if (settings.ok) this.currentSettings = settings.settings;
      } else if (isDocumentPath(change.path)) {
        const renamedUntil = this.renamedAway.get(change.path);
        if (renamedUntil !== undefined && change.kind === 'deleted' && Date.now() < renamedUntil) continue;
        this.renamedAway.delete(change.path);
        if (change.kind === 'deleted') this.drop(change.path);
        else await this.refresh(change.path);
        paths.push(change.path);
      }
    }
    if (this.closed || (paths.length === 0 && !roadmap)) return;
    for (const listener of [...this.listeners]) listener({ paths, roadmap });
  }

  private scheduleCacheWrite(listedAt: number): void {
    // After open returns: serializing 10,000 entries should not delay the first paint or the first answer.
    this.cacheWrite = new Promise((resolve) => setTimeout(resolve, 0)).then(() => {
      const files = this.index.documents().map((entry) => ({
        entry,
        fieldLines: this.index.fieldLines(entry.path),
        text: this.searchIndex.text(entry.path) ?? '',
      }));
      return writeIndexCache(this.root, { listedAt, files });
    });
  }
}

/** The index's form of a path the store accepted: forward slashes, no `./` or `a/../`. */
function normalizePath(documentPath: string): string {
  return path.posix.normalize(documentPath.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** A document and its requirements, as the quick switcher offers them. */
function candidatesOf(entry: DocumentEntry): QuickSwitchCandidate[] {
  const hit: QuickSwitchHit = { path: entry.path, title: entry.title, type: entry.type };
  if (entry.key !== undefined) hit.key = entry.key;
  return [
    quickSwitchCandidate(hit),
    ...entry.requirements.map((requirement) =>
      quickSwitchCandidate({
        path: entry.path,
        key: requirement.key,
        title: requirement.summary,
        type: 'requirement',
      }),
    ),
  ];
}

function readOnly(): { ok: false; error: 'read-only'; message: string } {
  return { ok: false, error: 'read-only', message: 'This workspace is open read-only.' };
}

async function checkFolder(
  root: string,
): Promise<
  { ok: true } | { ok: false; error: 'not-found' | 'not-a-folder' | 'unreadable'; message: string }
> {
  const name = path.basename(root);
  try {
    const stats = await fs.stat(root);
    if (!stats.isDirectory())
      return { ok: false, error: 'not-a-folder', message: `${name} is a file, not a folder.` };
    await fs.readdir(root);
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { ok: false, error: 'not-found', message: `There is no folder ${name}.` };
    }
    return {
      ok: false,
      error: 'unreadable',
      message: `The folder ${name} cannot be read (${code ?? 'unknown error'}).`,
    };
  }
}
