/**
 * A pull that merged and in which the merge driver moved an item of ours to a new key (RM-13 → RM-14)
 * commits that fact with the merge itself. The driver runs while git writes the merge and cannot stage,
 * so it keeps its record in the local `.specbench/rekeys.json`; left there, the record reached the shared
 * `rekeys.json` at the next unrelated change and was committed inside someone's later commit. Right after
 * git made the merge commit (this pull's own, not pushed yet), the record is moved to the shared file and
 * the merge commit is amended with it and a "Renumbered: …" line, as Keep both's line is added to its.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RenumberedItemView } from '../../shared/contract/gitViews.js';
import { renumberedCommitLine } from '../../shared/merge/choiceLines.js';
import { parseRekeys, RekeyLog, rekeysFile } from '../engine/rekeyLog.js';
import { stateFolderName } from '../engine/stateFolder.js';
import { runGit } from './gitCommand.js';
import { topPath, type RepositoryPlace } from './repositoryStatus.js';

/**
 * Moves the driver's records of `moved` from the local `.specbench/rekeys.json` into the shared file
 * (a record already moved keeps its time): the shared file's path from the repository's top when it did.
 */
export async function moveDriverRecords(
  place: RepositoryPlace,
  moved: readonly RenumberedItemView[],
): Promise<string | undefined> {
  const local = parseRekeys(
    await fs.readFile(path.join(place.root, stateFolderName, rekeysFile), 'utf8').catch(() => ''),
  );
  const waiting = moved.filter(({ from, to }) =>
    local?.some((record) => record.key === from && record.newKey === to),
  );
  if (waiting.length === 0) return undefined;
  const log = new RekeyLog(place.root);
  await log.load();
  for (const { from, to } of waiting) {
    const found = log.all().find((record) => record.key === from && record.newKey === to);
    if (found) {
      const { at: _at, ...entry } = found;
      await log.record(entry);
    }
  }
  return topPath(place, rekeysFile);
}

/** Moves the driver's records of `moved` into the shared file and amends the merge commit with them. */
export async function recordInMergeCommit(
  place: RepositoryPlace,
  moved: readonly RenumberedItemView[],
): Promise<void> {
  if (moved.length === 0) return;
  await moveDriverRecords(place, moved);
  const message = await runGit(['log', '-1', '--format=%B'], { cwd: place.root });
  if (!message.ok) return;
  const text = `${message.stdout.trimEnd()}\n\n${renumberedCommitLine(moved)}`;
  const shared = topPath(place, rekeysFile);
  const tracked = await runGit(['ls-files', '--error-unmatch', '--', shared], { cwd: place.root });
  const changed = await runGit(['status', '--porcelain', '--', shared], { cwd: place.root });
  const paths = changed.ok && changed.stdout.trim() !== '' ? [shared] : [];
  if (paths.length > 0 && !tracked.ok) await runGit(['add', '--', shared], { cwd: place.root });
  // Only the record joins the commit: with paths, git takes them from the disk and the rest from HEAD.
  await runGit(['commit', '--amend', '--quiet', '--no-verify', '-m', text, '--only', '--', ...paths], {
    cwd: place.root,
    env: { GIT_EDITOR: 'true' },
  });
}
