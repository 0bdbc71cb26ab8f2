/** Builds one bad-input case as a workspace in a temp folder, and proves afterwards that nothing in it changed. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { baseFiles, type BadInputCase, type CaseContent, type OutsideChange } from './badInputCorpus.js';

export interface CaseWorkspace {
  /** The temp folder holding `workspace/` and `outside/`: everything a run must leave alone. */
  folder: string;
  root: string;
  remove(): Promise<void>;
}

/** Every file and link below a folder with its hash; the workspace's `.specbench/` cache is the one place runs may write. */
export type FolderSnapshot = Record<string, string>;

export interface SnapshotDifference {
  changed: string[];
  created: string[];
  removed: string[];
}

export function contentBytes(content: CaseContent): Uint8Array {
  const value = typeof content === 'function' ? content() : content;
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

export async function buildCaseWorkspace(badInput: BadInputCase): Promise<CaseWorkspace> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-bad-input-'));
  const root = path.join(folder, 'workspace');
  const omitted = new Set(badInput.omit ?? []);
  const files = { ...baseFiles, ...badInput.files };
  for (const [name, content] of Object.entries(files)) {
    if (!omitted.has(name)) await writeInside(root, name, content);
  }
  for (const [name, content] of Object.entries(badInput.outside ?? {})) {
    await writeInside(path.join(folder, 'outside'), name, content);
  }
  for (const [name, target] of Object.entries(badInput.links ?? {})) {
    await fs.mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await fs.symlink(target, path.join(root, name));
  }
  return { folder, root, remove: () => fs.rm(folder, { recursive: true, force: true }) };
}

export async function applyOutsideChange(root: string, change: OutsideChange): Promise<void> {
  if (change.kind === 'delete') await fs.rm(path.join(root, change.path));
  else await writeInside(root, change.path, change.content);
}

async function writeInside(root: string, name: string, content: CaseContent): Promise<void> {
  const file = path.join(root, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, contentBytes(content));
}

export async function snapshotFolder(
  folder: string,
  cache = 'workspace/.specbench',
): Promise<FolderSnapshot> {
  const snapshot: FolderSnapshot = {};
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    for (const entry of await fs.readdir(path.join(folder, relative), { withFileTypes: true })) {
      const name = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const absolute = path.join(folder, name);
      if (entry.isSymbolicLink()) snapshot[name] = `link:${await fs.readlink(absolute)}`;
      else if (entry.isDirectory()) {
        if (name !== cache) pending.push(name);
      } else snapshot[name] = hash(await fs.readFile(absolute));
    }
  }
  return snapshot;
}

/** What differs between two snapshots; `expectedChanges` are files the run was meant to write. */
export function compareSnapshots(
  before: FolderSnapshot,
  after: FolderSnapshot,
  expectedChanges: readonly string[] = [],
): SnapshotDifference {
  const allowed = new Set(expectedChanges);
  const names = (snapshot: FolderSnapshot) => Object.keys(snapshot).filter((name) => !allowed.has(name));
  return {
    changed: names(before).filter((name) => name in after && after[name] !== before[name]),
    created: names(after).filter((name) => !(name in before)),
    removed: names(before).filter((name) => !(name in after)),
  };
}

export function isUnchanged(difference: SnapshotDifference): boolean {
  return difference.changed.length + difference.created.length + difference.removed.length === 0;
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
