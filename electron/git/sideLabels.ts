/**
 * What the resolver calls the two sides of a stopped merge or rebase: "Yours" and "Theirs (origin/main)",
 * the same words whichever way git got there (a merge's MERGE_HEAD, a rebase's onto commit).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { GitOperation } from '../../shared/contract/gitViews.js';
import { runGit } from './gitCommand.js';
import { repositoryStatus, type RepositoryPlace } from './repositoryStatus.js';

const incomingHead = {
  merge: 'MERGE_HEAD',
  'cherry-pick': 'CHERRY_PICK_HEAD',
  revert: 'REVERT_HEAD',
} as const;

export async function sideLabels(
  place: RepositoryPlace,
  operation: GitOperation | undefined,
): Promise<{ mine: string; theirs: string }> {
  if (!operation) return { mine: 'Yours', theirs: 'Theirs' };
  const status = await repositoryStatus(place);
  const incoming = operation === 'rebase' ? await rebaseOnto(place.gitDir) : incomingHead[operation];
  const branch = operation === 'rebase' ? status.rebasing : status.branch;
  const upstream = branch ? await upstreamOf(place.root, branch) : undefined;
  const [incomingCommit, upstreamCommit] = await Promise.all([
    incoming ? commitOf(place.root, incoming) : undefined,
    upstream ? commitOf(place.root, upstream) : undefined,
  ]);
  // The remote branch the pull came from, by its own name (never origin/HEAD, which names it too).
  const name =
    upstream && incomingCommit && incomingCommit === upstreamCommit
      ? upstream
      : incoming
        ? await nameOf(place.root, incoming)
        : undefined;
  return { mine: 'Yours', theirs: name ? `Theirs (${name})` : 'Theirs' };
}

async function rebaseOnto(gitDir: string): Promise<string | undefined> {
  for (const folder of ['rebase-merge', 'rebase-apply']) {
    try {
      return (await fs.readFile(path.join(gitDir, folder, 'onto'), 'utf8')).trim();
    } catch {
      // Not this kind of rebase.
    }
  }
  return undefined;
}

async function upstreamOf(root: string, branch: string): Promise<string | undefined> {
  const output = await runGit(['rev-parse', '--abbrev-ref', '--symbolic-full-name', `${branch}@{upstream}`], {
    cwd: root,
  });
  return output.ok ? output.stdout.trim() || undefined : undefined;
}

async function commitOf(root: string, revision: string): Promise<string | undefined> {
  const output = await runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: root });
  return output.ok ? output.stdout.trim() : undefined;
}

async function nameOf(root: string, revision: string): Promise<string> {
  const output = await runGit(
    ['name-rev', '--name-only', '--no-undefined', '--always', '--exclude=*/HEAD', revision],
    { cwd: root },
  );
  return output.ok ? output.stdout.trim().replace(/^remotes\//, '') : revision.slice(0, 8);
}
