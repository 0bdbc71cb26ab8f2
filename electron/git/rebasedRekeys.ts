/**
 * During a rebase the merge driver records the links of an item it renumbered with the commits that
 * wrote them as they were before the rebase (git blame asks the commit being replayed). The rebase
 * rewrites those commits, so the ids would name commits in no shared history. Once a commit is replayed
 * its id in the records becomes the rebased one; one not replayed yet when Finish rebase commits the
 * record (the commit being replayed cannot name itself) is kept without an id.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../engine/atomicFile.js';
import { formatRekeys, parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import { stateFolderName } from '../engine/stateFolder.js';
import { runGit } from './gitCommand.js';
import { rebaseOriginals } from './rebasedCommits.js';
import type { RepositoryPlace } from './repositoryStatus.js';

interface RebasedIds {
  /** Each replayed commit as it was before the rebase (full id) to the commit it is now. */
  rebased: Map<string, string>;
  /** Commits of the rebase not replayed yet (full or abbreviated ids). */
  pending: string[];
}

/** A recorded (abbreviated) commit id once the rebase is taken into account. */
function idAfterRebase(commit: string, ids: RebasedIds): string {
  if (commit === '') return commit;
  for (const [before, now] of ids.rebased)
    if (before.startsWith(commit)) return now.slice(0, Math.max(commit.length, 7));
  const pending = ids.pending.some((each) => each.startsWith(commit) || commit.startsWith(each));
  return pending ? '' : commit;
}

/** The text of a rekeys file with its commit ids moved past the rebase, or undefined when none moves. */
export function rebasedRekeysText(text: string, ids: RebasedIds): string | undefined {
  const records = parseRekeys(text);
  if (!records) return undefined;
  let moved = false;
  const next = records.map((record) => ({
    ...record,
    references: record.references.map((reference) => {
      const commit = idAfterRebase(reference.commit, ids);
      if (commit === reference.commit) return reference;
      moved = true;
      return { ...reference, commit };
    }),
  }));
  return moved ? formatRekeys(next) : undefined;
}

async function rewriteFile(file: string, ids: RebasedIds): Promise<boolean> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  const next = text === undefined ? undefined : rebasedRekeysText(text, ids);
  if (next === undefined) return false;
  await writeFileAtomic(file, next);
  return true;
}

async function rebaseState(place: RepositoryPlace, name: string): Promise<string> {
  return fs.readFile(path.join(place.gitDir, 'rebase-merge', name), 'utf8').catch(() => '');
}

/** What a stopped rebase has replayed so far (git's rewritten-list) and what it has still to replay. */
async function idsWhileRebasing(place: RepositoryPlace): Promise<RebasedIds> {
  const [rewritten, done, todo] = await Promise.all([
    rebaseState(place, 'rewritten-list'),
    rebaseState(place, 'done'),
    rebaseState(place, 'git-rebase-todo'),
  ]);
  const rebased = new Map<string, string>();
  for (const line of rewritten.split('\n')) {
    const [before, now] = line.trim().split(/\s+/);
    if (before && now) rebased.set(before, now);
  }
  const pending = `${done}\n${todo}`
    .split('\n')
    .flatMap(
      (line) => /^\s*(?:p|pick|r|reword|e|edit|s|squash|f|fixup)\s+([0-9a-f]{7,64})\b/.exec(line)?.[1] ?? [],
    )
    .filter((commit) => ![...rebased.keys()].some((before) => before.startsWith(commit)));
  return { rebased, pending };
}

/** After a rebase finished: each replayed commit's old id to its new one (from the reflog and ORIG_HEAD). */
async function idsAfterRebase(place: Pick<RepositoryPlace, 'root'>): Promise<RebasedIds> {
  const rebased = new Map<string, string>();
  for (const [now, before] of await rebaseOriginals(place)) rebased.set(before, now);
  return { rebased, pending: [] };
}

/**
 * Each of `commits` (recorded ids, abbreviated) that a finished rebase replayed, to its rebased id:
 * the merge driver, run by a `git pull --rebase` in a terminal, records the commits as they were
 * before it, and no Finish rebase of ours saw git's rewritten-list. Asked whenever the records are
 * read, so it costs two short git calls when every recorded commit is on HEAD, none without records.
 */
export async function rebasedRecordIds(
  root: string,
  commits: readonly string[],
): Promise<Map<string, string>> {
  const moved = new Map<string, string>();
  const recorded = [...new Set(commits.filter((commit) => /^[0-9a-f]{4,64}$/.test(commit)))];
  if (recorded.length === 0) return moved;
  // A commit this clone never had (a teammate's) is not one of its rebases: only known ones are asked about.
  const known = await runGit(['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    cwd: root,
    input: `${recorded.join('\n')}\n`,
  });
  const commitsHere = known.ok
    ? known.stdout.split('\n').flatMap((line) => /^(\w+) commit$/.exec(line)?.[1] ?? [])
    : [];
  if (commitsHere.length === 0) return moved;
  const off = await runGit(['rev-list', '--max-count=1', ...commitsHere, '--not', 'HEAD', '--'], {
    cwd: root,
  });
  if (!off.ok || off.stdout.trim() === '') return moved;
  const ids = await idsAfterRebase({ root });
  for (const commit of recorded) {
    const now = idAfterRebase(commit, ids);
    if (now !== commit) moved.set(commit, now);
  }
  return moved;
}

/**
 * While Finish rebase is about to commit: moves the ids in the local rekeys.json and in the shared one,
 * staged again unless it holds changes the user is asked about (then it is committed only if chosen).
 */
export async function rekeysBeforeReplay(place: RepositoryPlace, leftOver: readonly string[]): Promise<void> {
  const ids = await idsWhileRebasing(place);
  if (ids.rebased.size === 0 && ids.pending.length === 0) return;
  await rewriteFile(path.join(place.root, stateFolderName, rekeysFile), ids);
  const moved = await rewriteFile(path.join(place.root, rekeysFile), ids);
  if (moved && !leftOver.includes(rekeysFile)) await runGit(['add', '--', rekeysFile], { cwd: place.root });
}

/**
 * Once a rebase has finished: moves the ids in the local rekeys.json, and in the shared one when it
 * holds changes not committed yet (a committed record is not changed behind the user's back).
 */
export async function rekeysAfterRebase(place: RepositoryPlace): Promise<void> {
  const ids = await idsAfterRebase(place);
  if (ids.rebased.size === 0) return;
  await rewriteFile(path.join(place.root, stateFolderName, rekeysFile), ids);
  const status = await runGit(['status', '--porcelain', '--', rekeysFile], { cwd: place.root });
  if (status.ok && status.stdout.trim() !== '') await rewriteFile(path.join(place.root, rekeysFile), ids);
}
