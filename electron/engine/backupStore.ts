/**
 * Backups of unsaved edits, kept outside the workspace (one JSON file per document, written
 * atomically) so a crash or a kill loses at most the last second of typing, and a read-only
 * workspace gets them too.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicFile.js';
import type { DocumentStore, FileVersion } from './documentStore.js';
import { isProcessAlive } from './fileTransaction.js';
import { joinFor, userFolder, workspaceFolderName } from './userFolders.js';
import { resolveInside, toWorkspacePath } from './workspacePaths.js';

export interface BackupEntry {
  /** Workspace-relative, forward slashes. */
  path: string;
  text: string;
  /** The version on disk the edits started from. */
  base: FileVersion;
  /** Milliseconds since the epoch. */
  savedAt: number;
  /** The file on disk now: still the base, changed since, or gone. */
  disk: 'unchanged' | 'changed' | 'missing';
}

export interface UnreadableBackup {
  /** The backup's file name inside the backup folder. */
  file: string;
  message: string;
}

export type BackupError = 'outside-workspace' | 'invalid-path' | 'too-large' | 'io';
export type BackupFailure = { ok: false; error: BackupError; message: string };
export type BackupWriteResult = { ok: true; savedAt: number } | BackupFailure;
export type BackupListResult =
  { ok: true; backups: BackupEntry[]; unreadable: UnreadableBackup[] } | BackupFailure;
export type BackupDiscardResult = { ok: true } | BackupFailure;

export interface BackupStoreOptions {
  /** The workspace's absolute folder. */
  root: string;
  /** This workspace's own folder of backups (see `backupFolderFor`). */
  folder: string;
  documents: DocumentStore;
  maxTextBytes?: number;
}

const recordSchema = z
  .object({
    format: z.literal(1),
    /** For a person looking in the folder: which workspace this is. */
    workspace: z.string(),
    path: z.string().min(1),
    text: z.string(),
    base: z.object({ size: z.number(), mtimeMs: z.number(), hash: z.string() }).strict(),
    savedAt: z.number(),
  })
  .strict();
type BackupRecord = z.infer<typeof recordSchema>;

const defaultMaxTextBytes = 10 * 1024 * 1024;
/** `.name.json.<pid>.<12 hex>.tmp`, as writeFileAtomic names its temp files. */
const tempFilePattern = /^\..+\.([0-9]+)\.[0-9a-f]{12}\.tmp$/;

/**
 * Where this machine keeps backups: `SPECBENCH_BACKUP_DIR`, else the platform's state folder
 * (XDG state on Linux, Application Support on macOS, LOCALAPPDATA on Windows), then one folder
 * per workspace named by a hash of its real path.
 */
export function backupFolderFor(
  realRoot: string,
  environment: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const join = joinFor(platform);
  const base =
    environment.SPECBENCH_BACKUP_DIR || join(userFolder('state', environment, platform, home), 'backups');
  return join(base, workspaceFolderName(realRoot));
}

export class BackupStore {
  readonly folder: string;
  private readonly root: string;
  private readonly documents: DocumentStore;
  private readonly maxTextBytes: number;
  // One operation at a time: dropping a stale backup must not delete a write that raced it.
  private queue: Promise<unknown> = Promise.resolve();
  private swept = false;

  constructor(options: BackupStoreOptions) {
    this.root = path.resolve(options.root);
    this.folder = options.folder;
    this.documents = options.documents;
    this.maxTextBytes = options.maxTextBytes ?? defaultMaxTextBytes;
  }

  /** Replaces the backup of `documentPath` with `text`; never touches the workspace. */
  async write(documentPath: string, text: string, base: FileVersion): Promise<BackupWriteResult> {
    const located = this.locate(documentPath);
    if (!located.ok) return located;
    if (Buffer.byteLength(text, 'utf8') > this.maxTextBytes) {
      return {
        ok: false,
        error: 'too-large',
        message: `The unsaved text of ${located.path} is larger than ${this.maxTextBytes / 1024 / 1024} MB and was not backed up.`,
      };
    }
    const savedAt = Date.now();
    const record: BackupRecord = {
      format: 1,
      workspace: this.root,
      path: located.path,
      text,
      base: { size: base.size, mtimeMs: base.mtimeMs, hash: base.hash },
      savedAt,
    };
    return this.exclusive(async () => {
      try {
        await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
        await writeFileAtomic(located.file, JSON.stringify(record), { mode: 0o600 });
        return { ok: true as const, savedAt };
      } catch (error) {
        return ioFailure(`back up ${located.path}`, error);
      }
    });
  }

  /**
   * The backups whose text differs from the file on disk (all, or the one of `documentPath`);
   * backups equal to the disk are stale and removed, unreadable ones reported and left in place.
   */
  async list(documentPath?: string): Promise<BackupListResult> {
    let single: string | undefined;
    if (documentPath !== undefined) {
      const located = this.locate(documentPath);
      if (!located.ok) return located;
      single = path.basename(located.file);
    }
    return this.exclusive(async () => {
      try {
        await this.sweepTempFiles();
        const names = single === undefined ? await this.backupNames() : [single];
        const backups: BackupEntry[] = [];
        const unreadable: UnreadableBackup[] = [];
        for (const name of names) {
          const checked = await this.check(name);
          if (checked === undefined) continue;
          if ('message' in checked) unreadable.push(checked);
          else backups.push(checked);
        }
        backups.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return { ok: true as const, backups, unreadable };
      } catch (error) {
        return ioFailure('list the backups', error);
      }
    });
  }

  /** Removes the backup of `documentPath` (after a save, or when the user declines it). */
  async discard(documentPath: string): Promise<BackupDiscardResult> {
    const located = this.locate(documentPath);
    if (!located.ok) return located;
    return this.exclusive(async () => {
      try {
        await fs.rm(located.file, { force: true });
        // The last backup gone, the workspace's folder goes too, so nothing is left behind.
        await fs.rmdir(this.folder).catch(() => undefined);
        return { ok: true as const };
      } catch (error) {
        return ioFailure(`discard the backup of ${located.path}`, error);
      }
    });
  }

  /** A backup entry, nothing (missing or stale), or why it cannot be read. */
  private async check(name: string): Promise<BackupEntry | UnreadableBackup | undefined> {
    let raw: string;
    try {
      raw = await fs.readFile(path.join(this.folder, name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return { file: name, message: `It cannot be read (${(error as NodeJS.ErrnoException).code}).` };
    }
    let parsed: z.ZodSafeParseResult<BackupRecord>;
    try {
      parsed = recordSchema.safeParse(JSON.parse(raw));
    } catch {
      return { file: name, message: 'It is not valid JSON.' };
    }
    if (!parsed.success) return { file: name, message: 'It is not a Specbench backup.' };
    const record = parsed.data;
    const located = this.locate(record.path);
    if (!located.ok || path.basename(located.file) !== name) {
      return { file: name, message: `Its path ${JSON.stringify(record.path)} does not match its name.` };
    }
    const disk = await this.documents.read(record.path);
    if (disk.ok && disk.file.text === record.text) {
      await fs.rm(path.join(this.folder, name), { force: true });
      await fs.rmdir(this.folder).catch(() => undefined);
      return undefined;
    }
    const state: BackupEntry['disk'] = !disk.ok
      ? disk.error === 'not-found'
        ? 'missing'
        : 'changed'
      : disk.file.hash === record.base.hash
        ? 'unchanged'
        : 'changed';
    return { path: record.path, text: record.text, base: record.base, savedAt: record.savedAt, disk: state };
  }

  private async backupNames(): Promise<string[]> {
    const names = await fs.readdir(this.folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  }

  /** Temp files of writes a kill interrupted, once per store: their process is gone. */
  private async sweepTempFiles(): Promise<void> {
    if (this.swept) return;
    this.swept = true;
    const names = await fs.readdir(this.folder).catch(() => [] as string[]);
    for (const name of names) {
      const match = tempFilePattern.exec(name);
      if (match && !isProcessAlive(Number(match[1])))
        await fs.rm(path.join(this.folder, name), { force: true });
    }
  }

  /** The contained, normalized workspace path and its backup file, or why the path is refused. */
  private locate(documentPath: string): { ok: true; path: string; file: string } | BackupFailure {
    const resolved = resolveInside(this.root, documentPath);
    if (!resolved.ok) return resolved;
    const relative = toWorkspacePath(this.root, resolved.absolute);
    return {
      ok: true,
      path: relative,
      file: path.join(this.folder, `${sha256(relative).slice(0, 32)}.json`),
    };
  }

  private exclusive<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function ioFailure(action: string, error: unknown): BackupFailure {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  return { ok: false, error: 'io', message: `Could not ${action} (${code}).` };
}
