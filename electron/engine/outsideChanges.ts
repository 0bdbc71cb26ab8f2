/**
 * What changes in a workspace's folder outside Specbench: the watcher's batches, and what changed
 * between the open's listing and the watcher's first scan, re-indexed one batch after another.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Settings } from '../../shared/model/settingsModel.js';
import { reviewKeyOf } from '../../shared/review/reviewFile.js';
import type { CommentStore } from './commentStore.js';
import { roadmapFile, type DocumentIndexes } from './documentIndexes.js';
import type { DocumentStore } from './documentStore.js';
import { FileWatcher, type FileChange } from './fileWatcher.js';
import { isDocumentPath, listQuickly } from './loadWorkspaceFiles.js';
import { rekeysFile, type RekeyLog } from './rekeyLog.js';
import type { RoadmapStore } from './roadmapStore.js';
import { readSettings, settingsFileName } from './settingsStore.js';

export interface WorkspaceChange {
  /** Workspace-relative paths re-indexed after a change outside Specbench. */
  paths: string[];
  roadmap: boolean;
  /** Keys of the documents whose review comments changed (`reviews/<KEY>.md`), by us or outside. */
  comments: string[];
  /** Search has become ready (`searchReady`); nothing else changed. */
  searchReady?: true;
}

export interface OutsideChangesParts {
  root: string;
  store: DocumentStore;
  indexes: DocumentIndexes;
  roadmapStore: RoadmapStore;
  comments: CommentStore;
  rekeys: RekeyLog;
  /** `specbench.json` changed and still reads. */
  settingsChanged(settings: Settings): void;
  closed(): boolean;
  emit(change: WorkspaceChange): void;
}

/** Longer than the watcher's longest batch and its folder reconcile: one rename may be reported twice. */
const renameEchoMs = 5000;

export class OutsideChanges {
  private watcher: FileWatcher | undefined;
  private watching: Promise<void> | undefined;
  /** When this workspace began to open: what was written since may be missing from what it read. */
  private readonly openedAt = Date.now();
  /** Old names of our own renames, until when the watcher's reports of their deletion are echoes. */
  private readonly renamedAway = new Map<string, number>();
  /** Batches from the watcher are applied one after another. */
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly parts: OutsideChangesParts) {}

  /** The watcher will report the old name as deleted: that is this rename, not an outside change. */
  renamed(oldPath: string): void {
    if (this.watcher) this.renamedAway.set(oldPath, Date.now() + renameEchoMs);
  }

  /** Starts watching; resolves once changes from now on are reported. Idempotent. */
  watch(): Promise<void> {
    this.watching ??= this.startWatching();
    return this.watching;
  }

  /** Stops watching and finishes the batch being applied. */
  async close(): Promise<void> {
    await this.watcher?.close();
    await this.applying;
  }

  private async startWatching(): Promise<void> {
    this.watcher = new FileWatcher(this.parts.root, this.parts.store);
    this.watcher.onDidChangeFiles((changes) => {
      this.applying = this.applying.then(() => this.applyChanges(changes));
    });
    await this.watcher.start();
    // A file changed between the open's listing and the watcher's first scan is in neither: find it.
    const missed = await this.changedSinceOpen();
    if (missed.length > 0) this.applying = this.applying.then(() => this.applyChanges(missed));
  }

  /** Documents whose size or time on disk differs from the index's, and those that came or went. */
  private async changedSinceOpen(): Promise<FileChange[]> {
    const { root, store, indexes } = this.parts;
    const all = listQuickly(root) ?? (await store.listMarkdownFiles());
    const listed = all.filter((file) => isDocumentPath(file.path));
    // Review threads, the roadmap, re-keys and settings keep no file times here: one written since the
    // open began is read again.
    const since = this.openedAt;
    const others: FileChange[] = all
      .filter((file) => reviewKeyOf(file.path) !== undefined && file.mtimeMs > since)
      .map((file) => ({ path: file.path, kind: 'changed' }));
    for (const file of [roadmapFile, rekeysFile, settingsFileName]) {
      const stat = await fs.stat(path.join(root, file)).catch(() => undefined);
      if (stat && stat.mtimeMs > since) others.push({ path: file, kind: 'changed' });
    }
    const indexed = new Map(indexes.index.documents().map((entry) => [entry.path, entry] as const));
    const changes: FileChange[] = [];
    for (const file of listed) {
      const entry = indexed.get(file.path);
      indexed.delete(file.path);
      // An unreadable file's entry has no version to compare (0): it is read again when it changes.
      const differs =
        entry !== undefined &&
        entry.mtimeMs !== 0 &&
        (entry.size !== file.size || entry.mtimeMs !== file.mtimeMs);
      if (!entry || differs) changes.push({ path: file.path, kind: 'changed' });
    }
    for (const gone of indexed.keys()) changes.push({ path: gone, kind: 'deleted' });
    return [...changes, ...others];
  }

  /** Reads the renames after a merge again; answers the documents whose links they list. */
  private async reloadRekeys(): Promise<string[]> {
    const { rekeys } = this.parts;
    await rekeys.load();
    return [...new Set(rekeys.all().flatMap((record) => record.references.map((entry) => entry.path)))];
  }

  private async applyChanges(changes: FileChange[]): Promise<void> {
    const { comments: commentStore, roadmapStore, indexes } = this.parts;
    const paths: string[] = [];
    const comments: string[] = [];
    let roadmap = false;
    for (const change of changes) {
      if (this.parts.closed()) return;
      const reviewed = await commentStore.refresh(change.path);
      if (reviewed !== undefined) {
        comments.push(...reviewed);
      } else if (change.path === roadmapFile) {
        await roadmapStore.reload();
        roadmap = true;
        // The merge driver notes the links of an item of ours it renumbered before git writes roadmap.json.
        paths.push(...(await this.reloadRekeys()));
      } else if (change.path === rekeysFile) {
        // A pull brought a teammate's rekey (or its dismissal): the linking documents' findings change.
        paths.push(...(await this.reloadRekeys()));
      } else if (change.path === settingsFileName) {
        const settings = await readSettings(this.parts.root);
        if (settings.ok) this.parts.settingsChanged(settings.settings);
      } else if (isDocumentPath(change.path)) {
        const renamedUntil = this.renamedAway.get(change.path);
        if (renamedUntil !== undefined && change.kind === 'deleted' && Date.now() < renamedUntil) continue;
        this.renamedAway.delete(change.path);
        if (change.kind === 'deleted') indexes.drop(change.path);
        else await indexes.refresh(change.path);
        paths.push(change.path);
      }
    }
    if (this.parts.closed() || (paths.length === 0 && !roadmap && comments.length === 0)) return;
    this.parts.emit({ paths, roadmap, comments });
  }
}
