/**
 * Backups of workspaces that no longer exist (a clone deleted, a folder moved) would stay in the
 * user's state folder for ever: once a workspace's folder is gone and its newest backup is older
 * than 30 days, its backups go. A folder whose backups cannot be read is left alone.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const abandonedBackupAgeMs = 30 * 24 * 60 * 60 * 1000;

export interface PruneOptions {
  /** This workspace's own backup folder: never pruned. */
  keep?: string;
  now?: number;
  maxAgeMs?: number;
}

/** Removes the backup folders under `base` whose workspace is gone and whose newest file is old; returns them. */
export async function pruneAbandonedBackups(base: string, options: PruneOptions = {}): Promise<string[]> {
  const now = options.now ?? Date.now();
  const maxAgeMs = options.maxAgeMs ?? abandonedBackupAgeMs;
  const keep = options.keep === undefined ? undefined : path.resolve(options.keep);
  const entries = await fs.readdir(base, { withFileTypes: true }).catch(() => []);
  const pruned: string[] = [];
  for (const entry of entries) {
    const folder = path.join(base, entry.name);
    if (!entry.isDirectory() || path.resolve(folder) === keep) continue;
    if (await abandoned(folder, now - maxAgeMs)) {
      await fs.rm(folder, { recursive: true, force: true });
      pruned.push(folder);
    }
  }
  return pruned;
}

async function abandoned(folder: string, cutoff: number): Promise<boolean> {
  const names = await fs.readdir(folder).catch(() => undefined);
  if (names === undefined) return false;
  let workspace: string | undefined;
  for (const name of names) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile() || stat.mtimeMs > cutoff) return false;
    if (workspace === undefined && name.endsWith('.json') && !name.startsWith('.')) {
      workspace = await workspaceOf(file);
      if (workspace === undefined) return false;
    }
  }
  if (workspace === undefined) return false;
  const exists = await fs.stat(workspace).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  return !exists;
}

/** The workspace a backup file names, or undefined when it cannot be read as a backup. */
async function workspaceOf(file: string): Promise<string | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(file, 'utf8')) as { workspace?: unknown };
    return typeof record.workspace === 'string' && path.isAbsolute(record.workspace)
      ? record.workspace
      : undefined;
  } catch {
    return undefined;
  }
}
