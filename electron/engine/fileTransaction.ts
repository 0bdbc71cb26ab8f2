/**
 * All-or-none writes of several files (rekey, imports). Every new text is staged in a temp file and
 * every original kept as a backup (a hard link where possible) with a journal, before the first
 * rename; a failure puts the originals back and removes the files it created, and so does
 * `recoverTransactions` after a crash.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  UnconfirmedWriteError,
  renameWithRetry,
  syncFolder,
  temporaryName,
  writeAndSync,
  writeFileAtomic,
} from './atomicFile.js';
import { nodeFileSystem, type FileSystem } from './fileSystem.js';
import { hashBytes, type FileVersion, type SaveAllResult, type SaveResult } from './fileVersion.js';

export interface CommitFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  /** Absolute path written to (links already resolved). */
  target: string;
  /** `expected` undefined: a new file, which must not exist when it is renamed in. */
  change: { text: string; expected: FileVersion | undefined };
}

export interface CommitHooks {
  /** Checks a file again right before it is replaced; returns why not, or undefined. */
  verify(file: CommitFile): Promise<Failure | undefined>;
  willWrite(file: CommitFile, hash: string): void;
  didWrite(file: CommitFile, version: FileVersion): void;
}

type Failure = Extract<SaveResult, { ok: false }>;

interface Staged {
  file: CommitFile;
  hash: string;
  size: number;
  temp: string;
  backup: string;
}

/** What a crashed commit left behind: which files to put back if they hold the new bytes. */
interface Journal {
  pid: number;
  host: string;
  /** `created`: the file did not exist before, so putting it back means removing it. */
  files: { path: string; target: string; hash: string; created?: boolean }[];
}

const journalName = 'journal.json';
/** A transaction folder of another machine (shared drive) is only touched once this old. */
const foreignAgeMs = 10 * 60_000;

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export async function commitFiles(
  root: string,
  files: CommitFile[],
  hooks: CommitHooks,
  fileSystem: FileSystem = nodeFileSystem,
): Promise<SaveAllResult> {
  const folder = path.join(
    root,
    '.specbench',
    'transactions',
    `${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}`,
  );
  const staged: Staged[] = [];
  /** Folders made for new files, removed again (when empty) if the commit fails. */
  const madeFolders: string[] = [];
  let current: CommitFile | undefined;
  try {
    for (const file of files) {
      current = file;
      const bytes = Buffer.from(file.change.text, 'utf8');
      if (file.change.expected === undefined) await makeFolderFor(file.target, madeFolders, fileSystem);
      const temp = await writeTemporary(file.target, bytes, fileSystem);
      const backup = path.join(folder, 'files', file.path);
      staged.push({ file, hash: hashBytes(bytes), size: bytes.length, temp, backup });
      if (file.change.expected !== undefined) await keepOriginal(file.target, backup, fileSystem);
    }
    // What fails from here on is the group's, not one file's.
    current = undefined;
    const journal: Journal = {
      pid: process.pid,
      host: hostname(),
      files: staged.map((item) => ({
        path: item.file.path,
        target: path.relative(root, item.file.target),
        hash: item.hash,
        ...(item.file.change.expected === undefined ? { created: true } : {}),
      })),
    };
    await fileSystem.makeFolder(folder);
    await writeFileAtomic(path.join(folder, journalName), JSON.stringify(journal), { fileSystem });
  } catch (error) {
    await removeQuietly(
      staged.map((item) => item.temp),
      fileSystem,
    );
    await fileSystem.remove(folder).catch(() => undefined);
    await removeEmptyFolders(madeFolders);
    const failure = writeFailure(error, current?.path ?? groupName(files));
    const message = `${failure.message.replace(/\.$/, '')}; no file was changed.`;
    return current ? { ...failure, message, path: current.path } : { ...failure, message };
  }

  const committed: Staged[] = [];
  try {
    for (const item of staged) {
      current = item.file;
      const refusal = await hooks.verify(item.file);
      if (refusal) throw new Refusal(refusal);
      hooks.willWrite(item.file, item.hash);
      await renameWithRetry(item.temp, item.file.target, fileSystem);
      committed.push(item);
    }
    current = undefined;
    for (const target of new Set(staged.map((item) => path.dirname(item.file.target))))
      await syncFolder(target, fileSystem);
    // The commit point: once the journal is gone, recovery no longer puts the originals back.
    await fileSystem.remove(path.join(folder, journalName));
  } catch (error) {
    const unrestored = await rollBack(committed, fileSystem);
    await removeQuietly(
      staged.slice(committed.length).map((item) => item.temp),
      fileSystem,
    );
    const shown = current?.path ?? groupName(files);
    const failure = error instanceof Refusal ? error.failure : writeFailure(error, shown);
    const reason = failure.message.replace(/\.$/, '');
    if (unrestored.length > 0) {
      const kept = path.relative(root, folder);
      return {
        ok: false,
        error: 'io',
        ...(current ? { path: current.path } : {}),
        message: `${reason}, and ${unrestored.join(', ')} could not be put back; the originals are in ${kept}.`,
      };
    }
    await fileSystem.remove(folder).catch(() => undefined);
    await removeEmptyFolders(madeFolders);
    const message = `${reason}; no file was changed.`;
    return current ? { ...failure, message, path: current.path } : { ...failure, message };
  }

  const versions = new Map<string, FileVersion>();
  for (const item of staged) {
    const stat = await fs.stat(item.file.target).catch(() => undefined);
    const version = { size: item.size, mtimeMs: stat?.mtimeMs ?? 0, hash: item.hash };
    versions.set(item.file.path, version);
    hooks.didWrite(item.file, version);
  }
  await fileSystem.remove(folder).catch(() => undefined);
  return { ok: true, versions };
}

/**
 * Finishes what crashed commits left: where a journal remains, every file that holds the new
 * bytes gets its original back. Returns the workspace paths restored.
 */
export async function recoverTransactions(root: string): Promise<string[]> {
  const base = path.join(root, '.specbench', 'transactions');
  const restored: string[] = [];
  for (const name of await fs.readdir(base).catch(() => [])) {
    const folder = path.join(base, name);
    const journal = await readJournal(folder);
    const pid = journal?.pid ?? Number(name.split('-')[0]);
    const stat = await fs.stat(folder).catch(() => undefined);
    const foreign = journal !== undefined && journal.host !== hostname();
    if (!stat || (foreign ? Date.now() - stat.mtimeMs < foreignAgeMs : isProcessAlive(pid))) continue;
    let complete = true;
    for (const entry of journal?.files ?? []) {
      const backup = path.join(folder, 'files', entry.path);
      const target = path.join(root, entry.target);
      if (entry.created !== true && !(await fs.lstat(backup).catch(() => undefined))) continue;
      if ((await hashOf(target)) !== entry.hash) continue;
      try {
        if (entry.created === true) await fs.rm(target);
        else await renameWithRetry(backup, target);
        restored.push(entry.path);
      } catch {
        complete = false;
      }
    }
    if (complete) await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
  return restored.sort();
}

/** How a message names the files of a group when no single one of them failed. */
function groupName(files: CommitFile[]): string {
  return files.length === 1 ? files[0]!.path : `The ${files.length} files`;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJournal(folder: string): Promise<Journal | undefined> {
  try {
    const journal = JSON.parse(await fs.readFile(path.join(folder, journalName), 'utf8')) as Journal;
    return Array.isArray(journal.files) ? journal : undefined;
  } catch {
    return undefined;
  }
}

async function hashOf(file: string): Promise<string | undefined> {
  return fs.readFile(file).then(hashBytes, () => undefined);
}

/** A new file beside the target, written and flushed, with the target's mode. */
async function writeTemporary(target: string, bytes: Uint8Array, fileSystem: FileSystem): Promise<string> {
  const temp = temporaryName(target);
  const mode = await fileSystem.stat(target).then(
    (stat) => stat.mode & 0o7777,
    () => 0o644,
  );
  await writeAndSync(temp, bytes, mode, fileSystem);
  return temp;
}

/** Makes the folder a new file goes in, noting each folder that did not exist, outermost first. */
async function makeFolderFor(target: string, made: string[], fileSystem: FileSystem): Promise<void> {
  const missing: string[] = [];
  for (let folder = path.dirname(target); !(await exists(folder)); folder = path.dirname(folder)) {
    missing.unshift(folder);
    if (path.dirname(folder) === folder) break;
  }
  await fileSystem.makeFolder(path.dirname(target));
  made.push(...missing);
}

/** Removes folders a failed commit made, innermost first, as long as nothing else was put in them. */
async function removeEmptyFolders(folders: string[]): Promise<void> {
  for (const folder of [...folders].reverse()) await fs.rmdir(folder).catch(() => undefined);
}

async function exists(target: string): Promise<boolean> {
  return fs.lstat(target).then(
    () => true,
    () => false,
  );
}

/** A hard link keeps the very same file (and its mtime); where links are refused, a durable copy. */
async function keepOriginal(target: string, backup: string, fileSystem: FileSystem): Promise<void> {
  await fileSystem.makeFolder(path.dirname(backup));
  try {
    await fileSystem.link(target, backup);
  } catch {
    await writeFileAtomic(backup, await fileSystem.readFile(target), { fileSystem });
  }
  await syncFolder(path.dirname(backup), fileSystem);
}

/** Puts the originals back and removes created files, newest first; returns the files that could not be restored. */
async function rollBack(committed: Staged[], fileSystem: FileSystem): Promise<string[]> {
  const unrestored: string[] = [];
  for (const item of [...committed].reverse()) {
    try {
      if (item.file.change.expected === undefined) await fileSystem.remove(item.file.target);
      else await renameWithRetry(item.backup, item.file.target, fileSystem);
    } catch {
      unrestored.push(item.file.path);
    }
  }
  return unrestored;
}

async function removeQuietly(files: string[], fileSystem: FileSystem): Promise<void> {
  await Promise.all(files.map((file) => fileSystem.remove(file).catch(() => undefined)));
}

/** What a failed write means for the user, in one sentence naming the file. */
export function writeFailure(error: unknown, shown: string): Failure {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UnconfirmedWriteError) {
    return {
      ok: false,
      error: 'io',
      message: `${shown} was written, but the disk reported an error (${code ?? 'unknown'}) while making it durable; save again to be sure.`,
    };
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return {
      ok: false,
      error: 'read-only',
      message: `${shown} could not be saved: the file or its folder is read-only.`,
    };
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { ok: false, error: 'disk-full', message: `${shown} could not be saved: the disk is full.` };
  }
  const reason =
    code === 'EIO'
      ? 'the disk reported an input/output error (EIO)'
      : `an error occurred (${code ?? String((error as Error).message)})`;
  return { ok: false, error: 'io', message: `${shown} could not be saved: ${reason}.` };
}
