/**
 * A copy given a new key while a rebase replayed the user's commit (Keep both) came from the user's
 * own branch, not from the upstream commits it was replayed onto: its history before that commit is
 * the rebased commits and those the branch started from, never the other side's edits to the old key.
 */
import { runGit } from './gitCommand.js';
import { rebaseOriginals } from './rebasedCommits.js';
import { itemsOfFile, type WorkspaceItem } from './workspaceItems.js';
import type { WorkspaceRepository } from './workspaceRepository.js';

export interface RebasedSide {
  /** The item under its old key as the user's branch had it before the replayed commit (else as given). */
  before: WorkspaceItem;
  /** The commits on HEAD that are the copy's own: every replayed one, and the fork point and its ancestors. */
  ancestry: Set<string>;
}

/** Undefined when `commit` is not one a rebase the reflog remembers replayed. */
export async function rebasedSide(
  repository: Pick<WorkspaceRepository, 'root' | 'prefix'>,
  commit: string,
  before: WorkspaceItem,
): Promise<RebasedSide | undefined> {
  const { root } = repository;
  const originals = await rebaseOriginals({ root });
  const original = originals.get(commit);
  if (original === undefined) return undefined;
  const fork = await runGit(['merge-base', original, commit], { cwd: root });
  if (!fork.ok) return undefined;
  const [started, shown] = await Promise.all([
    runGit(['rev-list', fork.stdout.trim()], { cwd: root, timeout: 120_000 }),
    runGit(['show', `${original}^:${repository.prefix}${before.path}`], { cwd: root }),
  ]);
  const own = shown.ok
    ? itemsOfFile(before.path, shown.stdout).find(
        (item) => item.kind === before.kind && item.key === before.key,
      )
    : undefined;
  return {
    before: own ?? before,
    ancestry: new Set([
      ...originals.keys(),
      ...(started.ok ? started.stdout.split('\n').filter(Boolean) : []),
    ]),
  };
}
