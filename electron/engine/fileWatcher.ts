/**
 * Watches the workspace for changes made outside Specbench and delivers them in batches: a burst
 * (a git checkout) arrives as one batch, a save by rename as one change, and our own writes not at all.
 */
import { createHash } from 'node:crypto';
import { promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { DocumentStore } from './documentStore.js';
import { isMarkdownPath, skippedFolderNames, toWorkspacePath } from './workspacePaths.js';

export interface FileChange {
  /** Workspace-relative, forward slashes. */
  path: string;
  kind: 'changed' | 'deleted';
}

type ChangeListener = (changes: FileChange[]) => void;
type ErrorListener = (message: string) => void;

const defaultBatchMs = 75;
/** A steady stream of events is still delivered at least this often. */
export const maxBatchDelayMs = 2000;
/** Pending paths beyond which a batch is a burst, and the quiet time that then ends it. */
const burstSize = 10;
const burstQuietMs = 300;
/** Longer than chokidar's one-second throttle of folder reads. */
const reconcileDelayMs = 1500;
const rootFiles: ReadonlySet<string> = new Set(['specbench.json', 'roadmap.json', 'rekeys.json']);

/** Whether a workspace path is one the watcher reports. */
export function isWatchedPath(relativePath: string): boolean {
  if (relativePath.split('/').some((segment) => skippedFolderNames.has(segment))) return false;
  return isMarkdownPath(relativePath) || rootFiles.has(relativePath);
}

export class FileWatcher {
  private readonly root: string;
  private readonly batchMs: number;
  private readonly listeners = new Set<ChangeListener>();
  private readonly errorListeners = new Set<ErrorListener>();
  /** The last content we know each path has, from our own writes: an event with it is our echo. */
  private readonly knownHashes = new Map<string, string>();
  private readonly unsubscribes: (() => void)[] = [];
  private watcher: FSWatcher | undefined;
  private pending = new Set<string>();
  private readonly reconciling = new Map<string, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | undefined;
  private batchStartedAt = 0;
  private delivering: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(root: string, store: DocumentStore, options: { batchMs?: number } = {}) {
    this.root = path.resolve(root);
    this.batchMs = options.batchMs ?? defaultBatchMs;
    this.unsubscribes.push(
      store.onWillWrite((writtenPath, hash) => this.knownHashes.set(writtenPath, hash)),
      store.onDidWrite((writtenPath, version) => this.knownHashes.set(writtenPath, version.hash)),
    );
  }

  /** Resolves once the initial scan is done and changes from then on are reported. */
  async start(): Promise<void> {
    if (this.watcher) return;
    const watcher = watch(this.root, {
      ignoreInitial: true,
      followSymlinks: false,
      // A file deleted and re-created within 100 ms (an editor's save by rename) is one change.
      atomic: true,
      ignored: (absolute: string, stats?: Stats) => this.isIgnored(absolute, stats),
    });
    this.watcher = watcher;
    const record = (absolute: string) => this.record(absolute);
    const recordStructural = (absolute: string) => {
      this.record(absolute);
      this.scheduleReconcile(path.dirname(absolute));
    };
    watcher.on('add', recordStructural).on('change', record).on('unlink', recordStructural);
    // Files written into a brand-new folder before its watch is set up are found by reading it.
    watcher.on('addDir', (absolute: string) => {
      void this.recordFolder(absolute);
      this.scheduleReconcile(absolute);
    });
    watcher.on('error', (error: unknown) => {
      for (const listener of this.errorListeners) listener(`Watching the workspace failed: ${String(error)}`);
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  /** Receives each batch of changes, sorted by path; returns an unsubscribe function. */
  onDidChangeFiles(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Receives watcher failures (for example, the system's limit of watched folders is reached). */
  onDidFail(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const timer of this.reconciling.values()) clearTimeout(timer);
    this.reconciling.clear();
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await this.watcher?.close();
    await this.delivering;
  }

  private isIgnored(absolute: string, stats?: Stats): boolean {
    const relative = toWorkspacePath(this.root, absolute);
    if (relative === '') return false;
    if (relative.startsWith('../')) return true;
    if (relative.split('/').some((segment) => skippedFolderNames.has(segment))) return true;
    return stats?.isFile() === true && !isWatchedPath(relative);
  }

  private record(absolute: string): void {
    const relative = toWorkspacePath(this.root, absolute);
    if (this.closed || !isWatchedPath(relative)) return;
    const now = Date.now();
    if (this.pending.size === 0) this.batchStartedAt = now;
    this.pending.add(relative);
    clearTimeout(this.timer);
    // Once many files are pending, a burst is under way: wait longer for its stragglers.
    const quiet = this.pending.size > burstSize ? Math.max(this.batchMs, burstQuietMs) : this.batchMs;
    const wait = Math.min(quiet, this.batchStartedAt + maxBatchDelayMs - now);
    this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /**
   * chokidar re-reads a changed folder at most once a second and, when that read itself takes over
   * a second (a busy machine, a folder of thousands of files), loses the changes made meanwhile.
   * So after files come or go in a folder, it is compared once more with what chokidar knows.
   */
  private scheduleReconcile(folder: string): void {
    if (this.reconciling.has(folder)) return;
    this.reconciling.set(
      folder,
      setTimeout(() => {
        this.reconciling.delete(folder);
        void this.reconcile(folder);
      }, reconcileDelayMs),
    );
  }

  private async reconcile(folder: string): Promise<void> {
    if (this.closed || !this.watcher) return;
    const known = new Set(this.watcher.getWatched()[folder] ?? []);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    const present = new Set<string>();
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (!entry.isFile() || !isWatchedPath(toWorkspacePath(this.root, absolute))) continue;
      present.add(entry.name);
      if (known.has(entry.name)) continue;
      this.record(absolute);
      this.watcher.add(absolute);
    }
    for (const name of known) {
      const absolute = path.join(folder, name);
      if (!present.has(name) && isWatchedPath(toWorkspacePath(this.root, absolute))) {
        if (!(await fs.lstat(absolute).catch(() => undefined))) this.record(absolute);
      }
    }
  }

  private async recordFolder(folder: string): Promise<void> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isFile()) this.record(absolute);
      else if (entry.isDirectory() && !skippedFolderNames.has(entry.name)) await this.recordFolder(absolute);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const paths = [...this.pending].sort();
    this.pending = new Set();
    // Batches are delivered in order, each after the previous one's disk checks.
    this.delivering = this.delivering.then(() => this.deliver(paths));
  }

  /** Decides each path's kind by looking at the disk now, so delete + create collapses to a change. */
  private async deliver(paths: string[]): Promise<void> {
    const changes: FileChange[] = [];
    for (const relative of paths) {
      const absolute = path.join(this.root, relative);
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (!stat?.isFile()) {
        this.knownHashes.delete(relative);
        changes.push({ path: relative, kind: 'deleted' });
        continue;
      }
      const known = this.knownHashes.get(relative);
      if (known !== undefined) {
        const hash = await hashFile(absolute);
        if (hash === known) continue;
        if (hash !== undefined) this.knownHashes.set(relative, hash);
      }
      changes.push({ path: relative, kind: 'changed' });
    }
    if (changes.length === 0 || this.closed) return;
    for (const listener of this.listeners) {
      try {
        listener(changes);
      } catch (error) {
        for (const onError of this.errorListeners) onError(`A file change listener failed: ${String(error)}`);
      }
    }
  }
}

async function hashFile(absolute: string): Promise<string | undefined> {
  try {
    return createHash('sha256')
      .update(await fs.readFile(absolute))
      .digest('hex');
  } catch {
    return undefined;
  }
}
