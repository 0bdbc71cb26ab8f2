/**
 * The history of one item by its key: the commits that changed a requirement (following it across
 * files, renames and moves), a document or a roadmap item, newest first, each with the diff of that
 * item alone; uncommitted changes first, when there are any.
 */
import { itemDiff } from '../../shared/merge/itemDiff.js';
import { itemsOfFile, type WorkspaceItem } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

export type ItemChangeKind = 'added' | 'changed' | 'moved' | 'removed';

export interface ItemChange {
  /** Undefined for changes not committed yet. */
  commit?: string;
  author: string;
  email: string;
  date: string;
  message: string;
  change: ItemChangeKind;
  path: string;
  previousPath?: string;
  before: string;
  after: string;
  /** Unified diff hunks of the item's text, `-`/`+`/` ` lines. */
  diff: string[];
}

export interface ItemHistory {
  key: string;
  kind: WorkspaceItem['kind'] | undefined;
  changes: ItemChange[];
}

function find(key: string, files: [string, string | undefined][]): WorkspaceItem | undefined {
  for (const [path, text] of files) {
    if (text === undefined) continue;
    const found = itemsOfFile(path, text).find((item) => item.key === key);
    if (found) return found;
  }
  return undefined;
}

function describeChange(before: WorkspaceItem | undefined, after: WorkspaceItem | undefined): ItemChangeKind {
  if (!before) return 'added';
  if (!after) return 'removed';
  return before.path !== after.path && before.text === after.text ? 'moved' : 'changed';
}

export async function itemHistory(repository: WorkspaceRepository, key: string): Promise<ItemHistory> {
  const changes: ItemChange[] = [];
  let kind: WorkspaceItem['kind'] | undefined;
  const record = (
    meta: Omit<ItemChange, 'change' | 'path' | 'before' | 'after' | 'diff' | 'previousPath'>,
    before: WorkspaceItem | undefined,
    after: WorkspaceItem | undefined,
  ) => {
    if (!before && !after) return;
    if (before && after && before.text === after.text && before.path === after.path) return;
    kind ??= (after ?? before)!.kind;
    const change: ItemChange = {
      ...meta,
      change: describeChange(before, after),
      path: (after ?? before)!.path,
      before: before?.text ?? '',
      after: after?.text ?? '',
      diff: itemDiff(before?.text ?? '', after?.text ?? ''),
    };
    if (before && after && before.path !== after.path) change.previousPath = before.path;
    changes.push(change);
  };
  const reader = repository.blobs();
  try {
    const at = (revision: string, path: string) => reader.readText(revision, repository.prefix + path);
    const uncommitted = await repository.uncommittedPaths();
    if (uncommitted.length > 0) {
      const files = await repository.workingFiles();
      const before = find(
        key,
        await Promise.all(
          uncommitted.map(async (path) => [path, await at('HEAD', path)] as [string, string | undefined]),
        ),
      );
      const after = find(
        key,
        uncommitted.map((path) => [path, files.get(path)]),
      );
      record({ author: '', email: '', date: '', message: 'Not committed yet' }, before, after);
    }
    for (const commit of await repository.commits()) {
      const afterFiles = await Promise.all(
        commit.changes
          .filter((entry) => entry.status !== 'D')
          .map(
            async (entry) => [entry.path, await at(commit.hash, entry.path)] as [string, string | undefined],
          ),
      );
      const beforeFiles = await Promise.all(
        commit.changes
          .filter((entry) => entry.status !== 'A')
          .map(async (entry) => {
            const previous = entry.previousPath ?? entry.path;
            return [previous, await at(`${commit.hash}^`, previous)] as [string, string | undefined];
          }),
      );
      const { hash, author, email, date, message } = commit;
      record({ commit: hash, author, email, date, message }, find(key, beforeFiles), find(key, afterFiles));
    }
  } finally {
    reader.close();
  }
  return { key, kind, changes };
}
