/**
 * The only place documents are read from and written to disk. Every path is contained in the
 * workspace, every save is atomic and durable, and a save never overwrites a change made outside.
 */
import { constants, promises as fs, stat as statCallback, type Dirent, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { syncFolder, UnconfirmedWriteError, writeFileAtomic } from './atomicFile.js';
import {
  commitFiles,
  isProcessAlive,
  recoverTransactions,
  writeFailure,
  type CommitFile,
} from './fileTransaction.js';
import { nodeFileSystem, type FileSystem } from './fileSystem.js';
import {
  hashBytes,
  type FileVersion,
  type LoadedFile,
  type ReadError,
  type ReadResult,
  type SaveAllResult,
  type SaveError,
  type SaveResult,
} from './fileVersion.js';
import { loadTextFile } from './loadTextFile.js';
import { isMarkdownPath, resolveInside, skippedFolderNames, toWorkspacePath } from './workspacePaths.js';

export type TrashError = 'not-found' | 'outside-workspace' | 'invalid-path' | 'read-only' | 'io';

export type TrashResult = { ok: true; trashedTo: string } | { ok: false; error: TrashError; message: string };
export type RenameResult =
  { ok: true; version: FileVersion } | { ok: false; error: ReadError | SaveError; message: string };

export interface ListedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface SaveAllOptions {
  /** Called before each file is renamed in; lets a test change the disk in the middle of a commit. */
  beforeCommit?: (path: string) => void | Promise<void>;
}

type WriteListener = (path: string, version: FileVersion) => void;
type WillWriteListener = (path: string, hash: string) => void;

const defaultMaxFileBytes = 10 * 1024 * 1024;
const statFile = promisify(statCallback);
/** `.name.md.<pid>.<12 hex>.tmp`, as atomicFile.ts and fileTransaction.ts name their temp files. */
const tempFilePattern = /^\..+\.([0-9]+)\.[0-9a-f]{12}\.tmp$/;

export { hashBytes };
export type { FileVersion, LoadedFile, ReadError, ReadResult, SaveAllResult, SaveError, SaveResult };

export interface DocumentStoreOptions {
  maxFileBytes?: number;
  /** The calls saves make; tests pass a fault-injecting wrapper (testing/faultInjection.ts). */
  fileSystem?: FileSystem;
}

export class DocumentStore {
  readonly root: string;
  private readonly maxFileBytes: number;
  private readonly fileSystem: FileSystem;
  /**
   * Saves whose bytes landed but whose folder sync failed, reported as failed: by path, the version
   * the caller still holds and the one now on disk, so saving again from it is not a conflict.
   */
  private readonly unconfirmed = new Map<string, { expectedHash: string; writtenHash: string }>();
  private readonly writeListeners = new Set<WriteListener>();
  private readonly willWriteListeners = new Set<WillWriteListener>();
  // One write at a time: the check of the disk and the write that follows must not interleave.
  private writing: Promise<unknown> = Promise.resolve();

  constructor(root: string, options: DocumentStoreOptions = {}) {
    this.root = path.resolve(root);
    this.maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
    this.fileSystem = options.fileSystem ?? nodeFileSystem;
  }

  /** Every `*.md` below the root, sorted; skips .git, node_modules, .specbench and links leading out. */
  async listMarkdownFiles(): Promise<ListedFile[]> {
    const realRoot = await fs.realpath(this.root);
    const files: ListedFile[] = [];
    await this.walkFiles(async (absolute, entry) => {
      if (!isMarkdownPath(entry.name) || !(entry.isFile() || entry.isSymbolicLink())) return;
      // Linked folders are not followed (as git does); a linked file counts only if it stays inside.
      const real = entry.isSymbolicLink() ? await fs.realpath(absolute).catch(() => undefined) : absolute;
      if (real === undefined || (real !== absolute && !real.startsWith(realRoot + path.sep))) return;
      const stat = await statFile(real).catch(() => undefined);
      if (!stat?.isFile()) return;
      files.push({ path: toWorkspacePath(this.root, absolute), size: stat.size, mtimeMs: stat.mtimeMs });
    });
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Repairs what a crash left behind; call once when the workspace opens. Multi-file commits that
   * did not finish are rolled back (all or none holds across crashes), stale temp files removed.
   */
  async recover(): Promise<{ restored: string[]; removedTempFiles: string[] }> {
    return this.exclusive(async () => ({
      restored: await recoverTransactions(this.root),
      removedTempFiles: await this.removeStaleTempFiles(),
    }));
  }

  /**
   * Removes the temp files of saves that a crash interrupted: named like ours, written by a process
   * that is gone, and older than `olderThanMs` (another machine may be saving on a shared drive).
   */
  async removeStaleTempFiles(options: { olderThanMs?: number } = {}): Promise<string[]> {
    const cutoff = Date.now() - (options.olderThanMs ?? 10 * 60_000);
    const removed: string[] = [];
    await this.walkFiles(async (absolute, entry) => {
      const match = tempFilePattern.exec(entry.name);
      if (!match || !entry.isFile() || isProcessAlive(Number(match[1]))) return;
      const stat = await fs.stat(absolute).catch(() => undefined);
      if (stat === undefined || stat.mtimeMs > cutoff) return;
      await fs.rm(absolute, { force: true });
      removed.push(toWorkspacePath(this.root, absolute));
    });
    return removed.sort();
  }

  /** Visits every entry that is not a folder, skipping .git, node_modules and .specbench. */
  private async walkFiles(visit: (absolute: string, entry: Dirent) => Promise<void>): Promise<void> {
    const walk = async (folder: string): Promise<void> => {
      const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
      await Promise.all(
        entries.map(async (entry) => {
          const absolute = path.join(folder, entry.name);
          if (!entry.isDirectory()) return visit(absolute, entry);
          if (!skippedFolderNames.has(entry.name)) await walk(absolute);
        }),
      );
    };
    await walk(this.root);
  }

  async read(relativePath: string): Promise<ReadResult> {
    const resolved = resolveInside(this.root, relativePath);
    if (!resolved.ok) return resolved;
    return this.load(resolved.absolute);
  }

  /**
   * Writes `text` if the file on disk still holds the bytes of `expected`: size and hash must match;
   * an mtime that alone moved (a touch, a checkout of the same bytes) is not a conflict.
   */
  async save(relativePath: string, text: string, expected: FileVersion): Promise<SaveResult> {
    const resolved = resolveInside(this.root, relativePath);
    if (!resolved.ok) return resolved;
    return this.exclusive(async () => {
      const current = await this.load(resolved.absolute);
      const unconfirmed = current.ok ? this.unconfirmed.get(current.file.path) : undefined;
      const retry =
        current.ok &&
        unconfirmed?.expectedHash === expected.hash &&
        unconfirmed.writtenHash === current.file.hash;
      const refusal = retry ? undefined : this.refuseChange(current, expected);
      if (refusal) return refusal;
      return this.write(resolved.absolute, text, expected.hash);
    });
  }

  /** Writes a new file; refuses with `exists` when something is already at that path. */
  async create(relativePath: string, text: string): Promise<SaveResult> {
    const resolved = resolveInside(this.root, relativePath);
    if (!resolved.ok) return resolved;
    const shown = toWorkspacePath(this.root, resolved.absolute);
    return this.exclusive(async () => {
      const existing = await fs.lstat(resolved.absolute).catch(() => undefined);
      if (existing) return { ok: false, error: 'exists', message: `${shown} already exists.` };
      try {
        await this.fileSystem.makeFolder(path.dirname(resolved.absolute));
      } catch (error) {
        return writeFailure(error, shown);
      }
      return this.write(resolved.absolute, text, undefined);
    });
  }

  /**
   * Moves a document to a new name with one atomic rename, never over another file; the watcher is
   * told the new path's bytes first, so it sees our own write, not an outside change.
   */
  async rename(fromPath: string, toPath: string): Promise<RenameResult> {
    const from = resolveInside(this.root, fromPath);
    if (!from.ok) return from;
    const to = resolveInside(this.root, toPath);
    if (!to.ok) return to;
    const shown = toWorkspacePath(this.root, to.absolute);
    return this.exclusive(async (): Promise<RenameResult> => {
      const current = await this.load(from.absolute);
      if (!current.ok) return current;
      if (await exists(to.absolute))
        return { ok: false, error: 'exists', message: `${shown} already exists.` };
      const version = { size: current.file.size, mtimeMs: current.file.mtimeMs, hash: current.file.hash };
      this.emit(this.willWriteListeners, shown, version.hash);
      try {
        // Moving into a folder that does not exist yet creates it.
        await this.fileSystem.makeFolder(path.dirname(to.absolute));
        await this.fileSystem.rename(from.absolute, to.absolute);
      } catch (error) {
        return writeFailure(error, current.file.path);
      }
      // The name has changed either way: a failed folder sync cannot undo it, only make it less durable.
      await syncFolder(path.dirname(to.absolute), this.fileSystem).catch(() => undefined);
      this.emit(this.writeListeners, shown, version);
      return { ok: true, version };
    });
  }

  /** Moves a file to `.specbench/trash/<timestamp>/<path>`; nothing is ever deleted. */
  async trash(relativePath: string): Promise<TrashResult> {
    const resolved = resolveInside(this.root, relativePath);
    if (!resolved.ok) return resolved;
    const shown = toWorkspacePath(this.root, resolved.absolute);
    return this.exclusive(async (): Promise<TrashResult> => {
      if (!(await fs.lstat(resolved.absolute).catch(() => undefined))) {
        return { ok: false, error: 'not-found', message: `${shown} does not exist.` };
      }
      const stamp = new Date().toISOString().replace(/:/g, '-');
      let destination = path.join(this.root, '.specbench', 'trash', stamp, shown);
      for (let attempt = 2; await exists(destination); attempt++) {
        destination = path.join(this.root, '.specbench', 'trash', `${stamp}-${attempt}`, shown);
      }
      try {
        await fs.mkdir(path.dirname(destination), { recursive: true });
        await fs.rename(resolved.absolute, destination);
      } catch (error) {
        const failure = writeFailure(error, shown);
        return {
          ok: false,
          error: failure.error === 'read-only' ? 'read-only' : 'io',
          message: failure.message,
        };
      }
      return { ok: true, trashedTo: toWorkspacePath(this.root, destination) };
    });
  }

  /**
   * Saves several files all or none: every file is checked against its expected version (a file
   * without one is new and must not exist), written to a temp file, then renamed in; if anything
   * fails, the files already renamed are put back and the new ones removed.
   */
  async saveAll(
    changes: { path: string; text: string; expected: FileVersion | undefined }[],
    options: SaveAllOptions = {},
  ): Promise<SaveAllResult> {
    const files: CommitFile[] = [];
    for (const change of changes) {
      const resolved = resolveInside(this.root, change.path);
      if (!resolved.ok) return { ...resolved, path: change.path };
      files.push({ path: toWorkspacePath(this.root, resolved.absolute), target: resolved.absolute, change });
    }
    return this.exclusive(async (): Promise<SaveAllResult> => {
      for (const file of files) {
        const refusal = await this.refuseCommit(file);
        if (refusal) return { ok: false, error: refusal.error, message: refusal.message, path: file.path };
        file.target = await realTarget(file.target);
        const stat = await fs.stat(file.target).catch(() => undefined);
        if (stat && !(await isWritable(file.target, stat))) {
          return { ok: false, error: 'read-only', message: `${file.path} is read-only.`, path: file.path };
        }
      }
      return commitFiles(
        this.root,
        files,
        {
          verify: async (file) => {
            await options.beforeCommit?.(file.path);
            return this.refuseCommit(file);
          },
          willWrite: (file, hash) => this.emit(this.willWriteListeners, file.path, hash),
          didWrite: (file, version) => this.emit(this.writeListeners, file.path, version),
        },
        this.fileSystem,
      );
    });
  }

  /** Called after each of our own writes, so the watcher can ignore the echo. */
  onDidWrite(listener: WriteListener): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  /** Called just before the new bytes land, with their hash: the watcher may see them before `onDidWrite`. */
  onWillWrite(listener: WillWriteListener): () => void {
    this.willWriteListeners.add(listener);
    return () => this.willWriteListeners.delete(listener);
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  private emit<A, B>(listeners: Set<(a: A, b: B) => void>, a: A, b: B): void {
    for (const listener of listeners) listener(a, b);
  }

  /** Why a file of a commit may not be written: changed since it was loaded, or, for a new one, there already. */
  private async refuseCommit(file: CommitFile): Promise<Extract<SaveResult, { ok: false }> | undefined> {
    if (file.change.expected !== undefined)
      return this.refuseChange(await this.load(file.target), file.change.expected);
    if (!(await exists(file.target))) return undefined;
    return { ok: false, error: 'exists', message: `${file.path} already exists.` };
  }

  /** Why a file on disk may not be replaced, or undefined when it is still what the caller loaded. */
  private refuseChange(
    current: ReadResult,
    expected: FileVersion,
  ): Extract<SaveResult, { ok: false }> | undefined {
    if (!current.ok) {
      if (current.error === 'not-found') {
        return {
          ok: false,
          error: 'deleted',
          message: current.message.replace('does not exist', 'was deleted'),
        };
      }
      if (current.error === 'outside-workspace' || current.error === 'invalid-path') {
        return { ok: false, error: current.error, message: current.message };
      }
      return {
        ok: false,
        error: 'conflict',
        message: `${current.message.replace(/\.$/, '')}, so it was not saved.`,
      };
    }
    // A new mtime over identical bytes (a touch, a checkout of the same content) loses nothing.
    if (current.file.size !== expected.size || current.file.hash !== expected.hash) {
      return {
        ok: false,
        error: 'conflict',
        message: `${current.file.path} was changed outside Specbench since it was opened.`,
        current: current.file,
      };
    }
    return undefined;
  }

  private load(absolute: string): Promise<ReadResult> {
    return loadTextFile(absolute, toWorkspacePath(this.root, absolute), this.maxFileBytes);
  }

  /** `expectedHash`: the version the caller holds, remembered if the write lands unconfirmed. */
  private async write(absolute: string, text: string, expectedHash: string | undefined): Promise<SaveResult> {
    const shown = toWorkspacePath(this.root, absolute);
    const target = await realTarget(absolute);
    const existing = await fs.stat(target).catch(() => undefined);
    if (existing && !(await isWritable(target, existing))) {
      return { ok: false, error: 'read-only', message: `${shown} is read-only, so it was not saved.` };
    }
    const bytes = Buffer.from(text, 'utf8');
    const hash = hashBytes(bytes);
    this.emit(this.willWriteListeners, shown, hash);
    let failure: Extract<SaveResult, { ok: false }> | undefined;
    try {
      await writeFileAtomic(target, bytes, { fileSystem: this.fileSystem });
      this.unconfirmed.delete(shown);
    } catch (error) {
      failure = writeFailure(error, shown);
      if (!(error instanceof UnconfirmedWriteError)) return failure;
      if (expectedHash !== undefined) this.unconfirmed.set(shown, { expectedHash, writtenHash: hash });
    }
    const stat = await fs.stat(target).catch(() => undefined);
    const version = { size: bytes.length, mtimeMs: stat?.mtimeMs ?? 0, hash };
    // The bytes are on disk even when unconfirmed: listeners (the index, the watcher) must know them.
    this.emit(this.writeListeners, shown, version);
    return failure ?? { ok: true, version };
  }
}

/** A save goes to the file a symbolic link points at, so the link itself survives. */
async function realTarget(absolute: string): Promise<string> {
  return fs.realpath(absolute).catch(() => absolute);
}

/** The read-only bit is honoured even for root, who could write anyway. */
async function isWritable(target: string, stat: Stats): Promise<boolean> {
  if ((stat.mode & 0o222) === 0) return false;
  return fs.access(target, constants.W_OK).then(
    () => true,
    () => false,
  );
}

async function exists(target: string): Promise<boolean> {
  return fs.lstat(target).then(
    () => true,
    () => false,
  );
}
