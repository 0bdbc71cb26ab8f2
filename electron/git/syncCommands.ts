/**
 * Commit, pull and push as the Changes panel runs them. None of them can lose work: a commit takes
 * only the workspace files the user was shown, a pull stops at conflicts (and git refuses to
 * overwrite uncommitted changes), a push is never forced.
 */
import type { PullOutcome, RenumberedItemView, SyncProgress } from '../../shared/contract/gitViews.js';
import { withChoiceLines } from '../../shared/merge/choiceLines.js';
import { rekeysFile } from '../engine/rekeyLog.js';
import { runGit, runGitWithProgress } from './gitCommand.js';
import { rekeysAfterRebase } from './rebasedRekeys.js';
import { renumberedByPull } from './renumberedByMerge.js';
import { renumberedLinesForCommit } from './renumberedInCommit.js';
import { recordInMergeCommit } from './renumberedInMerge.js';
import { repositoryStatus, stoppedOperation, type RepositoryPlace } from './repositoryStatus.js';
import { syncFailure, type SyncFailure } from './syncErrors.js';

/** Pulls and pushes talk to a network: give them minutes, not seconds. */
const networkTimeout = 10 * 60_000;

export type CommitResult = { ok: true; commit: string; files: number } | SyncFailure;

/** Commits the chosen workspace files (each must be one `repositoryStatus` listed) with `message`. */
export async function commitFiles(
  place: RepositoryPlace,
  paths: readonly string[],
  message: string,
): Promise<CommitResult> {
  if (message.trim() === '') return { ok: false, error: 'failed', message: 'Write a commit message first.' };
  const status = await repositoryStatus(place);
  if (status.operation) {
    return {
      ok: false,
      error: 'in-progress',
      message: `A ${status.operation} is waiting for its conflicts to be resolved: resolve them, then Finish.`,
    };
  }
  const listed = new Map(status.files.map((file) => [file.path, file]));
  const chosen = [...new Set(paths)].filter((file) => listed.has(file));
  if (chosen.length === 0) {
    return {
      ok: false,
      error: 'nothing-to-commit',
      message: 'There is nothing to commit: every change is already committed.',
    };
  }
  // Relative to the repository's top, literal: a workspace in a subfolder commits its own files only.
  const pathspecs = chosen.flatMap((file) => {
    const previous = listed.get(file)?.previousPath;
    return (previous ? [previous, file] : [file]).map((each) => `:(top,literal)${place.prefix}${each}`);
  });
  const stage = await runGit(['add', '-A', '--', ...pathspecs], { cwd: place.root });
  if (!stage.ok) return syncFailure(stage);
  // A merge's renumbering whose record rides in this commit is named in its message.
  const lines = chosen.includes(rekeysFile) ? await renumberedLinesForCommit(place) : [];
  const text = withChoiceLines(message.trim(), lines, { comments: false }).trimEnd();
  const commit = await runGit(['commit', '--quiet', '-m', text, '--', ...pathspecs], {
    cwd: place.root,
  });
  if (!commit.ok) return syncFailure(commit);
  const head = await runGit(['rev-parse', 'HEAD'], { cwd: place.root });
  return { ok: true, commit: head.stdout.trim(), files: chosen.length };
}

/** "Receiving objects:  45% (9/20)" → a step and a fraction. */
export function readProgress(line: string): SyncProgress | undefined {
  const text = line.replace(/^remote:\s*/, '');
  const match = /^([A-Za-z][A-Za-z ]+?):\s+(\d{1,3})%/.exec(text);
  if (match) return { step: match[1]!, fraction: Math.min(Number(match[2]) / 100, 1) };
  return undefined;
}

async function headCommit(root: string): Promise<string | undefined> {
  const output = await runGit(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: root });
  return output.ok ? output.stdout.trim() : undefined;
}

async function conflictedPaths(place: RepositoryPlace): Promise<string[]> {
  const status = await repositoryStatus(place);
  return status.files.filter((file) => file.change === 'conflicted').map((file) => file.path);
}

export type PullResult =
  | { ok: true; outcome: PullOutcome; conflicts: string[]; message: string; renumbered: RenumberedItemView[] }
  | SyncFailure;

const outcomeMessages: Record<PullOutcome, string> = {
  'up-to-date': 'Already up to date.',
  'fast-forward': 'Pulled the remote’s new commits.',
  merged: 'Pulled and merged the remote’s new commits.',
  rebased: 'Pulled the remote’s new commits and replayed yours on top.',
  conflicts: 'Pulled, but some blocks were changed on both sides: resolve them to finish.',
};

export async function pull(
  place: RepositoryPlace,
  onProgress: (progress: SyncProgress) => void,
): Promise<PullResult> {
  const status = await repositoryStatus(place);
  const ready = readyToSync(status, 'pull');
  if (!ready.ok) return ready;
  if (!status.upstream) {
    const tracked = await trackRemoteBranch(place, status.branch!, status.remotes, onProgress);
    if (!tracked.ok) return tracked;
  }
  const rebase = await runGit(['config', '--get', 'pull.rebase'], { cwd: place.root });
  const rebasing = rebase.ok && rebase.stdout.trim() !== 'false';
  const before = await headCommit(place.root);
  onProgress({ step: 'Pulling' });
  const output = await runGitWithProgress(
    ['pull', '--progress', '--no-edit', ...(rebase.ok ? [] : ['--no-rebase'])],
    { cwd: place.root, timeout: networkTimeout, env: { GIT_MERGE_AUTOEDIT: 'no', GIT_EDITOR: 'true' } },
    (line) => {
      const progress = readProgress(line);
      if (progress) onProgress(progress);
    },
  );
  if (!output.ok) {
    const conflicts = (await stoppedOperation(place.gitDir)) ? await conflictedPaths(place) : [];
    if (conflicts.length > 0) {
      return {
        ok: true,
        outcome: 'conflicts',
        conflicts,
        message: outcomeMessages.conflicts,
        renumbered: [],
      };
    }
    return syncFailure(output);
  }
  const after = await headCommit(place.root);
  let outcome: PullOutcome = 'up-to-date';
  if (before !== after) {
    // Landing on the remote's tip is a fast-forward, even when that tip is a teammate's merge commit.
    const [parents, remoteTip] = await Promise.all([
      runGit(['rev-list', '--parents', '-n', '1', 'HEAD'], { cwd: place.root }),
      runGit(['rev-parse', '--verify', '-q', '@{upstream}'], { cwd: place.root }),
    ]);
    const isMerge = parents.stdout.trim().split(' ').length > 2;
    outcome =
      remoteTip.ok && remoteTip.stdout.trim() === after
        ? 'fast-forward'
        : isMerge
          ? 'merged'
          : rebasing && before !== undefined
            ? 'rebased'
            : 'fast-forward';
  }
  // The driver recorded the links of an item it renumbered with the commits as they were before the rebase.
  if (outcome === 'rebased') await rekeysAfterRebase(place);
  // The merge driver may have moved an item of ours to a new key: say so, as git only told its stderr.
  const renumbered =
    before !== undefined && (outcome === 'merged' || outcome === 'rebased')
      ? await renumberedByPull(place, before)
      : [];
  // The merge commit this pull just made carries the renumbering's record and a line naming it.
  if (outcome === 'merged') await recordInMergeCommit(place, renumbered);
  return { ok: true, outcome, conflicts: [], message: outcomeMessages[outcome], renumbered };
}

function readyToSync(
  status: Awaited<ReturnType<typeof repositoryStatus>>,
  what: 'pull' | 'push',
): { ok: true } | SyncFailure {
  if (status.remotes.length === 0) {
    return {
      ok: false,
      error: 'no-remote',
      message: `This repository has no remote to ${what} ${what === 'pull' ? 'from' : 'to'}. Add one (git remote add origin <address>) and try again.`,
    };
  }
  if (status.operation) {
    return {
      ok: false,
      error: 'in-progress',
      message: `A ${status.operation} is waiting for its conflicts to be resolved. Resolve them in Changes, then Finish.`,
    };
  }
  if (!status.branch) {
    return {
      ok: false,
      error: 'failed',
      message: `No branch is checked out (HEAD is detached), so there is nothing to ${what}.`,
    };
  }
  return { ok: true };
}

/** The remote a branch without upstream syncs with: the only one, else `origin`. */
function defaultRemote(remotes: readonly string[]): string | undefined {
  return remotes.length === 1 ? remotes[0] : remotes.includes('origin') ? 'origin' : undefined;
}

/** A branch without upstream pulls from the same name on the remote, when the remote has it. */
async function trackRemoteBranch(
  place: RepositoryPlace,
  branch: string,
  remotes: readonly string[],
  onProgress: (progress: SyncProgress) => void,
): Promise<{ ok: true } | SyncFailure> {
  const remote = defaultRemote(remotes);
  const notThere: SyncFailure = {
    ok: false,
    error: 'no-upstream',
    message: `The branch ${branch} is not on the remote yet, so there is nothing to pull. Push it first.`,
  };
  if (!remote) return notThere;
  onProgress({ step: `Fetching from ${remote}` });
  const fetched = await runGitWithProgress(
    ['fetch', '--progress', remote],
    { cwd: place.root, timeout: networkTimeout },
    (line) => {
      const progress = readProgress(line);
      if (progress) onProgress(progress);
    },
  );
  if (!fetched.ok) return syncFailure(fetched);
  const there = await runGit(['rev-parse', '--verify', '--quiet', `refs/remotes/${remote}/${branch}`], {
    cwd: place.root,
  });
  if (!there.ok) return notThere;
  const tracked = await runGit(['branch', `--set-upstream-to=${remote}/${branch}`], { cwd: place.root });
  return tracked.ok ? { ok: true } : syncFailure(tracked);
}

export type PushResult = { ok: true; message: string } | SyncFailure;

export async function push(
  place: RepositoryPlace,
  onProgress: (progress: SyncProgress) => void,
): Promise<PushResult> {
  const status = await repositoryStatus(place);
  const ready = readyToSync(status, 'push');
  if (!ready.ok) return ready;
  if (!status.hasCommits) {
    return { ok: false, error: 'failed', message: 'There are no commits to push yet: commit first.' };
  }
  let args = ['push', '--progress'];
  let published: string | undefined;
  if (!status.upstream) {
    const remote = defaultRemote(status.remotes);
    if (!remote) {
      return {
        ok: false,
        error: 'no-upstream',
        message: `This branch has no remote branch yet and there are several remotes; push it once from a terminal (git push -u <remote> ${status.branch}).`,
      };
    }
    args = ['push', '--progress', '--set-upstream', remote, `refs/heads/${status.branch}`];
    published = `${remote}/${status.branch}`;
  }
  onProgress({ step: 'Pushing' });
  const output = await runGitWithProgress(args, { cwd: place.root, timeout: networkTimeout }, (line) => {
    const progress = readProgress(line);
    if (progress) onProgress(progress);
  });
  if (!output.ok) {
    const failure = syncFailure(output);
    // The remote has commits this clone has not seen: fetching them (no file or branch changes) lets
    // Changes say how many there are to pull before the user pulls.
    if (failure.error === 'rejected') {
      const from = published ? [published.slice(0, published.indexOf('/'))] : [];
      await runGit(['fetch', '--quiet', ...from], { cwd: place.root, timeout: networkTimeout });
    }
    return failure;
  }
  const nothing = /Everything up-to-date/.test(output.stderr);
  return {
    ok: true,
    message: nothing
      ? 'The remote already has all your commits.'
      : published
        ? `Published ${status.branch} as ${published}.`
        : 'Pushed your commits.',
  };
}
