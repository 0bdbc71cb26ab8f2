/**
 * The roadmap (`roadmap.json`) through lowdb, behind an adapter that writes atomically and durably,
 * keeps a `.bak` and validates on read. One writer holds `.specbench/roadmap.lock`; updates made in
 * the same tick are written once; a failed write rolls the in-memory roadmap back to what is on disk.
 */
import path from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { Failure, Result } from '../../shared/contract/apiContract.js';
import { nextKey } from '../../shared/model/keys.js';
import {
  lanes,
  roadmapItemSchema,
  type Lane,
  type Release,
  type RoadmapFile,
  type RoadmapItem,
} from '../../shared/model/roadmapModel.js';
import { schemaIssueMessage } from './jsonProblem.js';
import {
  createRelease,
  removeRelease,
  updateRelease,
  type ReleaseInput,
  type ReleasePatch,
} from './roadmapReleases.js';
import { RoadmapFileAdapter, RoadmapFileProblem, type RoadmapProblemKind } from './roadmapAdapter.js';
import { RoadmapLock } from './roadmapLock.js';
import { ensureStateFolder, stateFolderName } from './stateFolder.js';
import type { FileSystem } from './fileSystem.js';

export type RoadmapError =
  RoadmapProblemKind | 'read-only' | 'closed' | 'not-found' | 'duplicate-key' | 'invalid' | 'no-backup';
export type RoadmapResult<T extends object = object> = Result<T, RoadmapError>;
export type RoadmapItemInput = Omit<z.input<typeof roadmapItemSchema>, 'key' | 'rank'> & { key?: string };

export interface RoadmapOpenOptions {
  /** Take the write lock; without it the store only reads. */
  write?: boolean;
  /** Prefix of new keys (settings `prefixes.roadmap`). */
  keyPrefix?: string;
  /** Prefix of new release keys (settings `prefixes.release`). */
  releasePrefix?: string;
  /** The calls writes make; tests pass a fault-injecting wrapper (testing/faultInjection.ts). */
  fileSystem?: FileSystem;
}

export type RoadmapOpenResult =
  | { ok: true; store: RoadmapStore }
  | { ok: false; error: 'corrupt' | 'locked' | 'unreadable' | 'unwritable'; message: string };

const storedItemSchema = roadmapItemSchema.loose();
const emptyRoadmap = (): RoadmapFile => ({ version: 1, items: [], releases: [] });

export class RoadmapStore {
  private sorted: RoadmapItem[] | undefined;
  private waiters: ((failure: Failure<RoadmapError> | undefined) => void)[] = [];
  private flushScheduled = false;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  private constructor(
    private readonly db: Low<RoadmapFile>,
    private readonly adapter: RoadmapFileAdapter,
    private readonly lock: RoadmapLock | undefined,
    private readonly keyPrefix: string,
    private readonly releasePrefix: string,
  ) {}

  static async open(root: string, options: RoadmapOpenOptions = {}): Promise<RoadmapOpenResult> {
    let lock: RoadmapLock | undefined;
    if (options.write === true) {
      // The lock is the first thing an editing session writes into .specbench/: the folder gets its .gitignore here.
      const acquired = await RoadmapLock.acquire(lockFile(root), () => ensureStateFolder(root));
      if (!acquired.ok) return acquired;
      lock = acquired.lock;
    }
    const adapter = new RoadmapFileAdapter(
      root,
      async () => lock !== undefined && (await lock.isHeld()),
      options.fileSystem,
    );
    const db = new Low<RoadmapFile>(adapter, emptyRoadmap());
    try {
      await db.read();
    } catch (error) {
      await lock?.release();
      if (!(error instanceof RoadmapFileProblem)) throw error;
      return {
        ok: false,
        error: error.kind === 'corrupt' ? 'corrupt' : 'unreadable',
        message: error.message,
      };
    }
    if (lock) await adapter.removeStaleTempFiles();
    return {
      ok: true,
      store: new RoadmapStore(db, adapter, lock, options.keyPrefix ?? 'RM', options.releasePrefix ?? 'REL'),
    };
  }

  /** Restores `roadmap.json.bak` when the roadmap cannot be opened at all (a corrupt file). */
  static async restoreBackup(root: string): Promise<RoadmapResult<{ keptAs?: string }>> {
    const acquired = await RoadmapLock.acquire(lockFile(root), () => ensureStateFolder(root));
    if (!acquired.ok) return acquired;
    try {
      return await new RoadmapFileAdapter(root, () => acquired.lock.isHeld()).restoreBackup();
    } finally {
      await acquired.lock.release();
    }
  }

  get writable(): boolean {
    return this.lock !== undefined && !this.closed;
  }

  /** Items ordered by lane (now, next, later), then rank. Treat them as read-only. */
  items(): RoadmapItem[] {
    this.sorted ??= sortItems(this.db.data.items);
    return [...this.sorted];
  }

  item(key: string): RoadmapItem | undefined {
    return this.db.data.items.find((item) => item.key === key);
  }

  /** Releases in the file's order. Treat them as read-only. */
  releases(): Release[] {
    return [...this.db.data.releases];
  }

  release(key: string): Release | undefined {
    return this.db.data.releases.find((release) => release.key === key);
  }

  /** Adds a release under the next free key; its items must exist. */
  createRelease(input: ReleaseInput): Promise<RoadmapResult<{ release: Release }>> {
    return this.change((_items, data) => createRelease(data, input, this.releasePrefix));
  }

  /** Changes fields of a release; `undefined` clears an optional field. */
  updateRelease(key: string, patch: ReleasePatch): Promise<RoadmapResult<{ release: Release }>> {
    return this.change((_items, data) => updateRelease(data, key, patch));
  }

  removeRelease(key: string): Promise<RoadmapResult> {
    return this.change((_items, data) => removeRelease(data, key));
  }

  /** Where each key's item sits in roadmap.json as last read or written (`RuleInput.roadmapLines`). */
  itemLines(): ReadonlyMap<string, readonly number[]> {
    return this.adapter.itemLines();
  }

  /** Adds an item at the end of its lane, under the next free key unless one is given. */
  create(input: RoadmapItemInput): Promise<RoadmapResult<{ item: RoadmapItem }>> {
    return this.change((items) => {
      const key =
        input.key ??
        nextKey(
          this.keyPrefix,
          items.map((item) => item.key),
        );
      if (items.some((item) => item.key === key)) return duplicate(key);
      const parsed = storedItemSchema.safeParse({ ...input, key, rank: nextRank(items, input.lane) });
      if (!parsed.success) return invalid(key, parsed.error);
      items.push(parsed.data);
      return { ok: true, item: parsed.data };
    });
  }

  /** Changes fields of an item; `undefined` clears an optional field; a new lane without a rank appends. */
  update(key: string, patch: Partial<RoadmapItem>): Promise<RoadmapResult<{ item: RoadmapItem }>> {
    return this.change((items, data) => {
      const index = items.findIndex((item) => item.key === key);
      if (index === -1) return notFound(key);
      const current = items[index]!;
      if (patch.key !== undefined && patch.key !== key && items.some((item) => item.key === patch.key)) {
        return duplicate(patch.key);
      }
      const merged: Record<string, unknown> = { ...current, ...patch };
      for (const [field, value] of Object.entries(merged)) if (value === undefined) delete merged[field];
      if (patch.lane !== undefined && patch.lane !== current.lane && patch.rank === undefined) {
        merged.rank = nextRank(items, patch.lane);
      }
      const parsed = storedItemSchema.safeParse(merged);
      if (!parsed.success) return invalid(key, parsed.error);
      items[index] = parsed.data;
      if (parsed.data.key !== key) replaceInReleases(data, key, parsed.data.key);
      return { ok: true, item: parsed.data };
    });
  }

  /** Puts an item at `index` in `lane` and renumbers the ranks of the lanes involved; returns every item in order. */
  move(key: string, lane: Lane, index: number): Promise<RoadmapResult<{ items: RoadmapItem[] }>> {
    return this.change((items) => {
      const moving = items.find((item) => item.key === key);
      if (!moving) return notFound(key);
      if (!lanes.includes(lane))
        return { ok: false, error: 'invalid', message: `"${String(lane)}" is not a lane.` };
      const moved = { ...moving, lane };
      const target = sortItems(items.filter((item) => item.lane === lane && item !== moving));
      const wanted = Number.isFinite(index) ? Math.trunc(index) : target.length;
      target.splice(Math.max(0, Math.min(wanted, target.length)), 0, moved);
      const source =
        moving.lane === lane
          ? []
          : sortItems(items.filter((item) => item.lane === moving.lane && item !== moving));
      const replacements = new Map<RoadmapItem, RoadmapItem>();
      for (const laneItems of [target, source]) {
        laneItems.forEach((item, rank) => {
          replacements.set(item === moved ? moving : item, item.rank === rank ? item : { ...item, rank });
        });
      }
      items.forEach((item, position) => {
        const replacement = replacements.get(item);
        if (replacement) items[position] = replacement;
      });
      return { ok: true, items: sortItems(items) };
    });
  }

  /** Removes an item, and takes it out of every release that shipped it. */
  remove(key: string): Promise<RoadmapResult> {
    return this.change((items, data) => {
      const index = items.findIndex((item) => item.key === key);
      if (index === -1) return notFound(key);
      items.splice(index, 1);
      replaceInReleases(data, key, undefined);
      return { ok: true };
    });
  }

  /** Rereads the file after an external edit; our own writes are recognized and cause no change. */
  async reload(): Promise<RoadmapResult> {
    if (this.closed) return closedFailure();
    await this.settle();
    try {
      if (this.adapter.isKnown(await this.adapter.readText())) return { ok: true };
      await this.db.read();
    } catch (error) {
      if (!(error instanceof RoadmapFileProblem)) throw error;
      return { ok: false, error: error.kind, message: error.message };
    }
    // A file deleted on disk reads as null, which lowdb ignores: that is an empty roadmap.
    if (this.adapter.isKnown(undefined)) this.db.data = emptyRoadmap();
    this.sorted = undefined;
    this.emit();
    return { ok: true };
  }

  /** Replaces `roadmap.json` with `roadmap.json.bak`; the replaced file is kept as `roadmap.corrupt-<time>.json` (or `replaced-`). */
  async restoreBackup(): Promise<RoadmapResult<{ keptAs?: string }>> {
    if (this.closed) return closedFailure();
    if (!this.lock) return readOnly();
    await this.settle();
    const restored = await this.adapter.restoreBackup();
    if (!restored.ok) return restored;
    this.db.data = restored.data;
    this.sorted = undefined;
    this.emit();
    return restored.keptAs === undefined ? { ok: true } : { ok: true, keptAs: restored.keptAs };
  }

  /** Waits for pending writes, then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.settle();
    this.closed = true;
    this.listeners.clear();
    await this.lock?.release();
  }

  /** Called after the roadmap changed: a write landed, a write failed and was rolled back, or a reload. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private change<T extends object>(
    apply: (items: RoadmapItem[], data: RoadmapFile) => RoadmapResult<T>,
  ): Promise<RoadmapResult<T>> {
    if (this.closed) return Promise.resolve(closedFailure());
    if (!this.lock) return Promise.resolve(readOnly());
    const result = apply(this.db.data.items, this.db.data);
    if (!result.ok) return Promise.resolve(result);
    this.db.data.items = sortItems(this.db.data.items);
    this.sorted = undefined;
    return new Promise((resolve) => {
      this.waiters.push((failure) => resolve(failure ?? result));
      this.scheduleFlush();
    });
  }

  /** Every change made before the next turn of the event loop goes into one write. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.writing = this.writing.then(() => this.flush());
    });
  }

  private async flush(): Promise<void> {
    const waiters = this.waiters.splice(0);
    if (waiters.length === 0) return;
    let failure: Failure<RoadmapError> | undefined;
    try {
      await this.db.write();
    } catch (error) {
      const problem =
        error instanceof RoadmapFileProblem ? error : new RoadmapFileProblem('unwritable', String(error));
      failure = { ok: false, error: problem.kind, message: problem.message };
      // Changes made while this write was in flight built on the rejected state: they fail too.
      waiters.push(...this.waiters.splice(0));
      this.db.data = this.adapter.lastWritten() ?? emptyRoadmap();
      this.sorted = undefined;
    }
    for (const waiter of waiters) waiter(failure);
    this.emit();
  }

  private async settle(): Promise<void> {
    while (this.flushScheduled || this.waiters.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.writing;
    }
    await this.writing;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function lockFile(root: string): string {
  return path.join(root, stateFolderName, 'roadmap.lock');
}

/** Renames (or, with no new key, removes) an item in every release's list. */
function replaceInReleases(data: RoadmapFile, oldKey: string, newKey: string | undefined): void {
  data.releases = data.releases.map((release) =>
    release.items.includes(oldKey)
      ? {
          ...release,
          items: release.items.flatMap((key) =>
            key !== oldKey ? [key] : newKey === undefined ? [] : [newKey],
          ),
        }
      : release,
  );
}

function sortItems(items: RoadmapItem[]): RoadmapItem[] {
  return [...items].sort((a, b) => lanes.indexOf(a.lane) - lanes.indexOf(b.lane) || a.rank - b.rank);
}

function nextRank(items: RoadmapItem[], lane: unknown): number {
  let highest = -1;
  for (const item of items) if (item.lane === lane && item.rank > highest) highest = item.rank;
  return Math.floor(highest) + 1;
}

function notFound(key: string): Failure<RoadmapError> {
  return { ok: false, error: 'not-found', message: `There is no roadmap item ${key}.` };
}

function duplicate(key: string): Failure<RoadmapError> {
  return { ok: false, error: 'duplicate-key', message: `Roadmap item ${key} already exists.` };
}

function invalid(key: string, error: z.ZodError): Failure<RoadmapError> {
  return {
    ok: false,
    error: 'invalid',
    message: schemaIssueMessage(`Roadmap item ${key}`, error.issues[0]!),
  };
}

function readOnly(): Failure<RoadmapError> {
  return { ok: false, error: 'read-only', message: 'The roadmap is open read-only here.' };
}

function closedFailure(): Failure<RoadmapError> {
  return { ok: false, error: 'closed', message: 'The roadmap store is closed.' };
}
