/**
 * All-or-none writes of several files (rekey): stage every new text in a temp file, then rename
 * them in one by one, keeping a hard link to each original so a failure puts back the very same file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile.js';
import type { FileVersion, SaveAllResult, SaveResult } from './documentStore.js';

export interface CommitFile {
  /** Workspace-relative, forward slashes. */
  path: string;
  /** Absolute path written to (links already resolved). */
  target: string;
  change: { text: string; expected: FileVersion };
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
}

interface Committed {
  staged: Staged;
  /** Hard link to the original file, when the file system allows one. */
  backup?: string;
  /** The original bytes, when it does not. */
  original?: Buffer;
}

class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function commitFiles(
  root: string,
  files: CommitFile[],
  hooks: CommitHooks,
): Promise<SaveAllResult> {
  const staged: Staged[] = [];
  let current: CommitFile | undefined;
  try {
    for (const file of files) {
      current = file;
      const bytes = Buffer.from(file.change.text, 'utf8');
      staged.push({
        file,
        hash: hashBytes(bytes),
        size: bytes.length,
        temp: await writeTemporary(file.target, bytes),
      });
    }
  } catch (error) {
    await removeQuietly(staged.map((item) => item.temp));
    return { ...writeFailure(error, current?.path ?? ''), path: current?.path };
  }

  const backupFolder = path.join(
    root,
    '.specbench',
    'transactions',
    `${Date.now()}-${randomBytes(4).toString('hex')}`,
  );
  const committed: Committed[] = [];
  try {
    for (const item of staged) {
      current = item.file;
      const refusal = await hooks.verify(item.file);
      if (refusal) throw new Refusal(refusal);
      const entry: Committed = { staged: item };
      entry.backup = await linkBackup(item.file.target, path.join(backupFolder, item.file.path));
      if (entry.backup === undefined) entry.original = await fs.readFile(item.file.target);
      hooks.willWrite(item.file, item.hash);
      await fs.rename(item.temp, item.file.target);
      committed.push(entry);
    }
  } catch (error) {
    const unrestored = await rollBack(committed);
    await removeQuietly(staged.slice(committed.length).map((item) => item.temp));
    const shown = current?.path ?? '';
    const failure = error instanceof Refusal ? error.failure : writeFailure(error, shown);
    if (unrestored.length > 0) {
      return {
        ok: false,
        error: 'io',
        path: shown,
        message: `${failure.message.replace(/\.$/, '')}, and ${unrestored.join(', ')} could not be put back; the originals are in ${path.relative(root, backupFolder)}.`,
      };
    }
    await fs.rm(backupFolder, { recursive: true, force: true }).catch(() => undefined);
    return {
      ...failure,
      message: `${failure.message.replace(/\.$/, '')}; no file was changed.`,
      path: shown,
    };
  }

  const versions = new Map<string, FileVersion>();
  for (const folder of new Set(staged.map((item) => path.dirname(item.file.target))))
    await syncFolder(folder);
  for (const item of staged) {
    const stat = await fs.stat(item.file.target).catch(() => undefined);
    const version = { size: item.size, mtimeMs: stat?.mtimeMs ?? 0, hash: item.hash };
    versions.set(item.file.path, version);
    hooks.didWrite(item.file, version);
  }
  await fs.rm(backupFolder, { recursive: true, force: true }).catch(() => undefined);
  return { ok: true, versions };
}

/** A new file beside the target, written and flushed, with the target's mode. */
async function writeTemporary(target: string, bytes: Uint8Array): Promise<string> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = await fs.stat(target).then(
    (stat) => stat.mode & 0o7777,
    () => 0o644,
  );
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

async function linkBackup(target: string, backup: string): Promise<string | undefined> {
  try {
    await fs.mkdir(path.dirname(backup), { recursive: true });
    await fs.link(target, backup);
    return backup;
  } catch {
    return undefined;
  }
}

/** Puts the originals back, newest first; returns the files that could not be restored. */
async function rollBack(committed: Committed[]): Promise<string[]> {
  const unrestored: string[] = [];
  for (const entry of [...committed].reverse()) {
    const target = entry.staged.file.target;
    try {
      if (entry.backup !== undefined) await fs.rename(entry.backup, target);
      else await writeFileAtomic(target, entry.original!);
    } catch {
      unrestored.push(entry.staged.file.path);
    }
  }
  return unrestored;
}

async function removeQuietly(files: string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.rm(file, { force: true }).catch(() => undefined)));
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function writeFailure(error: unknown, shown: string): Failure {
  const code = (error as NodeJS.ErrnoException).code;
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
  return {
    ok: false,
    error: 'io',
    message: `${shown} could not be saved (${code ?? String((error as Error).message)}).`,
  };
}
