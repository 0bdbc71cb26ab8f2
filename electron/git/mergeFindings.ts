/**
 * `check` while a merge or rebase waits for its conflicts: a conflicted file holds both sides
 * between git's markers (two copies of REQ-2, say), so its findings would be noise. Each such file
 * gets one finding saying a merge is in progress and where to resolve it, instead of the rest.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FindingView } from '../../shared/contract/apiContract.js';
import type { GitOperation } from '../../shared/contract/gitViews.js';
import { GitMissingError, runGit } from './gitCommand.js';
import { findRepository, stoppedOperation, type RepositoryPlace } from './repositoryStatus.js';

export interface MergeState {
  operation: GitOperation;
  /** Workspace-relative paths of the files with conflicts left. */
  conflicted: { path: string; line: number }[];
}

/** The merge, rebase or other operation waiting in the workspace's repository, or none (nor without git). */
export async function mergeState(root: string, known?: RepositoryPlace): Promise<MergeState | undefined> {
  let place = known;
  try {
    place ??= await findRepository(root);
  } catch (error) {
    if (error instanceof GitMissingError) return undefined;
    throw error;
  }
  if (!place) return undefined;
  const operation = await stoppedOperation(place.gitDir);
  if (!operation) return undefined;
  const listed = await runGit(
    ['-c', 'core.quotePath=false', 'diff', '--name-only', '--relative', '--diff-filter=U', '-z'],
    { cwd: root },
  );
  const paths = listed.ok ? listed.stdout.split('\0').filter(Boolean) : [];
  const conflicted = await Promise.all(
    paths.map(async (file) => ({ path: file, line: await firstMarkerLine(path.join(root, file)) })),
  );
  return { operation, conflicted };
}

async function firstMarkerLine(file: string): Promise<number> {
  try {
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.startsWith('<<<<<<<'));
    return index === -1 ? 1 : index + 1;
  } catch {
    return 1;
  }
}

const operationNames: Record<GitOperation, string> = {
  merge: 'Merge',
  rebase: 'Rebase',
  'cherry-pick': 'Cherry-pick',
  revert: 'Revert',
};

/**
 * The findings as they read mid-merge: a conflicted file's own findings become one, and a
 * duplicate-key found elsewhere because a conflicted file holds the key too is left out.
 */
export function findingsDuringMerge(
  findings: readonly FindingView[],
  state: MergeState | undefined,
): FindingView[] {
  if (!state || state.conflicted.length === 0) return [...findings];
  const conflicted = new Set(state.conflicted.map((file) => file.path));
  const keysInConflict = new Set(
    findings
      .filter((finding) => finding.rule === 'duplicate-key' && conflicted.has(finding.path))
      .map((finding) => finding.key),
  );
  const kept = findings.filter(
    (finding) =>
      !conflicted.has(finding.path) && !(finding.rule === 'duplicate-key' && keysInConflict.has(finding.key)),
  );
  const name = operationNames[state.operation];
  const merging: FindingView[] = state.conflicted.map((file) => ({
    rule: 'malformed-file',
    severity: 'error',
    path: file.path,
    line: file.line,
    message: `${name} in progress: this file has conflicts; resolve them in Changes (the other rules wait until then).`,
  }));
  return [...merging, ...kept].sort(
    (left, right) => left.path.localeCompare(right.path) || left.line - right.line,
  );
}
