/**
 * The message a stopped merge will be committed with: git's MERGE_MSG without its comment lines
 * ("# Conflicts:" and the files under it), which git removes only when an editor was used.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RenumberedItemView } from '../../shared/contract/gitViews.js';
import { choiceLinesIn, renumberedCommitLine, withChoiceLines } from '../../shared/merge/choiceLines.js';
import { writeFileAtomic } from '../engine/atomicFile.js';
import { renumberedInStoppedMerge } from './renumberedByMerge.js';
import type { RepositoryPlace } from './repositoryPlace.js';

export async function mergeMessage(gitDir: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(gitDir, 'MERGE_MSG'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : cleanMessage(text);
}

/**
 * What Finish merge commits when the message is left as shown: git's, with the lines the merge commit
 * always gets (Keep both's, recorded in git's message; "Renumbered: …" for roadmap items the driver
 * moved, known from the roadmap on disk). The Changes panel shows `text`, so it is the commit's message.
 */
export async function stoppedMergeMessage(
  place: RepositoryPlace,
  renumbered?: readonly RenumberedItemView[],
): Promise<{ text: string; lines: string[] }> {
  const recorded = (await mergeMessage(place.gitDir)) ?? '';
  const moved = renumbered ?? (await renumberedInStoppedMerge(place));
  const lines = [...choiceLinesIn(recorded), ...(moved.length > 0 ? [renumberedCommitLine(moved)] : [])];
  return { text: withChoiceLines(recorded, lines, { comments: false }).trim(), lines };
}

/** A commit message as git's `--cleanup=strip` leaves it: no `#` lines, no trailing spaces or blank lines at the ends. */
export function cleanMessage(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Adds the lines to the message the stopped operation commits with, so Finish (or git's own continue)
 * commits them: a merge's MERGE_MSG; for a rebase, the replayed commit's message (git reads
 * rebase-merge/message on `--continue`, not MERGE_MSG), written as is since no editor strips it.
 */
export async function recordChoices(
  gitDir: string,
  lines: readonly string[],
  operation: 'merge' | 'rebase' = 'merge',
): Promise<void> {
  const file = path.join(gitDir, ...(operation === 'rebase' ? ['rebase-merge', 'message'] : ['MERGE_MSG']));
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined || lines.length === 0) return;
  const next = withChoiceLines(text, lines, { comments: operation === 'merge' });
  if (next !== text) await writeFileAtomic(file, next);
}
