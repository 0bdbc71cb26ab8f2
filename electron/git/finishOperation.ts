/** Finishing or undoing the merge, rebase, cherry-pick or revert git stopped in, once the resolver is done. */
import type { GitOperation } from '../../shared/contract/gitViews.js';
import { withChoiceLines } from '../../shared/merge/choiceLines.js';
import { runGit } from './gitCommand.js';
import { renumberedInStoppedMerge } from './renumberedByMerge.js';
import { moveDriverRecords } from './renumberedInMerge.js';
import { rekeysAfterRebase, rekeysBeforeReplay } from './rebasedRekeys.js';
import { stoppedMergeMessage } from './mergeMessage.js';
import { stoppedOperation, topPath, type RepositoryPlace } from './repositoryStatus.js';
import { syncFailure, type SyncFailure } from './syncErrors.js';

export type FinishResult =
  { ok: true; done: boolean; conflicts: string[]; message: string; leftOver?: string[] } | SyncFailure;

const noEditor = { GIT_EDITOR: 'true', GIT_MERGE_AUTOEDIT: 'no', GIT_SEQUENCE_EDITOR: 'true' };

/**
 * Commits the merge (or continues the rebase, cherry-pick or revert) once no file is conflicted.
 * Workspace files changed but not staged (links pointed to a renamed copy, an edit made meanwhile)
 * would stay out of the commit unseen: without `include` they are listed and nothing is committed;
 * `include` names those to commit with it (none: leave them all as uncommitted changes).
 */
export async function finishOperation(
  place: RepositoryPlace,
  include?: readonly string[],
  message?: string,
): Promise<FinishResult> {
  const operation = await stoppedOperation(place.gitDir);
  if (!operation)
    return { ok: false, error: 'failed', message: 'No merge or rebase is waiting to be finished.' };
  const unmerged = await unmergedPaths(place);
  if (unmerged.length > 0) {
    const outside = unmerged.filter((file) => !file.startsWith(place.prefix));
    const count = unmerged.length;
    return {
      ok: false,
      error: 'in-progress',
      message:
        outside.length > 0
          ? `Files outside the workspace still have conflicts (${outside.slice(0, 3).join(', ')}): resolve them in a terminal first.`
          : `${count} ${count === 1 ? 'file still has' : 'files still have'} conflicts: resolve ${count === 1 ? 'it' : 'them'} first.`,
    };
  }
  // A roadmap item of ours the driver renumbered: its record joins the merge commit, with a line naming it.
  const renumbered = operation === 'merge' ? await renumberedInStoppedMerge(place) : [];
  const records = await moveDriverRecords(place, renumbered);
  if (records) await runGit(['add', '--', records], { cwd: place.root });
  const leftOver = await unstagedWorkspaceFiles(place);
  if (leftOver.length > 0 && include === undefined) {
    const count = leftOver.length;
    return {
      ok: true,
      done: false,
      conflicts: [],
      leftOver,
      message: `${count} ${count === 1 ? 'file' : 'files'} changed in the workspace ${count === 1 ? 'is' : 'are'} not part of the ${operation} yet: commit ${count === 1 ? 'it' : 'them'} with it, or leave ${count === 1 ? 'it' : 'them'} as changes to commit later.`,
    };
  }
  // The rename records name replayed commits by their new ids, and none by an id that will not exist.
  if (operation === 'rebase') await rekeysBeforeReplay(place, leftOver);
  const chosen = (include ?? []).filter((file) => leftOver.includes(file));
  if (chosen.length > 0) {
    const added = await runGit(['add', '-A', '--', ...chosen.map((file) => topPath(place, file))], {
      cwd: place.root,
    });
    if (!added.ok) return syncFailure(added);
  }
  let args = [operation, '--continue'];
  if (operation === 'merge') {
    // The message as the user left it, else the one shown: git's without its "# Conflicts:" lines.
    const shown = await stoppedMergeMessage(place, renumbered);
    const text = message?.trim() ?? shown.text;
    if (text === '')
      return { ok: false, error: 'failed', message: 'Write a message for the merge commit first.' };
    // Keep both's and the renumbering's lines stay, also in a message edited before they were known.
    const lines = shown.lines;
    args = [
      'commit',
      '--quiet',
      '--cleanup=whitespace',
      '-m',
      withChoiceLines(text, lines, { comments: false }),
    ];
  }
  let output = await runGit(args, { cwd: place.root, env: noEditor, timeout: 120_000 });
  if (
    !output.ok &&
    operation === 'rebase' &&
    /No changes|nothing to commit/i.test(output.stdout + output.stderr)
  ) {
    // The replayed commit holds nothing the upstream does not already have: it is skipped, as git suggests.
    output = await runGit(['rebase', '--skip'], { cwd: place.root, env: noEditor, timeout: 120_000 });
  }
  if (await stoppedOperation(place.gitDir)) {
    // A rebase replays the next commit and may stop on it again.
    const conflicts = (await unmergedPaths(place)).map((file) => file.slice(place.prefix.length));
    if (conflicts.length > 0) {
      return {
        ok: true,
        done: false,
        conflicts,
        message: 'The next commit being replayed conflicts too: resolve it the same way.',
      };
    }
    return output.ok
      ? { ok: false, error: 'failed', message: 'git stopped again without conflicts.' }
      : syncFailure(output);
  }
  if (!output.ok) return syncFailure(output);
  if (operation === 'rebase') await rekeysAfterRebase(place);
  const finished: Record<GitOperation, string> = {
    merge: 'Merge committed.',
    rebase: 'Rebase finished: your commits are on top of theirs.',
    'cherry-pick': 'Cherry-pick finished.',
    revert: 'Revert finished.',
  };
  return { ok: true, done: true, conflicts: [], message: finished[operation] };
}

/** Workspace files (relative to it) changed or new in the working tree and not staged. */
async function unstagedWorkspaceFiles(place: RepositoryPlace): Promise<string[]> {
  const quiet = ['-c', 'core.quotePath=false'];
  const [changed, added] = await Promise.all([
    // diff names files from the repository's top; ls-files from the workspace folder (cwd).
    runGit([...quiet, 'diff', '--name-only', '-z', '--', '.'], { cwd: place.root }),
    runGit([...quiet, 'ls-files', '--others', '--exclude-standard', '-z', '--', '.'], { cwd: place.root }),
  ]);
  const files = [
    ...changed.stdout
      .split('\0')
      .filter(Boolean)
      .map((file) => file.slice(place.prefix.length)),
    ...added.stdout.split('\0').filter(Boolean),
  ];
  return [...new Set(files)].sort();
}

/** Every path git still holds as unmerged, relative to the repository's top. */
async function unmergedPaths(place: RepositoryPlace): Promise<string[]> {
  const output = await runGit(
    ['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--diff-filter=U'],
    {
      cwd: place.root,
    },
  );
  return [...new Set(output.stdout.split('\0').filter(Boolean))];
}

/** Puts the branch back as it was before the merge or rebase (the UI asks first: resolutions are lost). */
export async function abortOperation(
  place: RepositoryPlace,
): Promise<{ ok: true; message: string } | SyncFailure> {
  const operation = await stoppedOperation(place.gitDir);
  if (!operation) return { ok: false, error: 'failed', message: 'No merge or rebase is waiting.' };
  const output = await runGit([operation, '--abort'], { cwd: place.root, env: noEditor, timeout: 120_000 });
  if (!output.ok) return syncFailure(output);
  return { ok: true, message: `The ${operation} was undone; your branch is as it was before.` };
}
