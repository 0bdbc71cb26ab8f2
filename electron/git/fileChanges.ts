/**
 * One changed file as the Changes panel shows it: the blocks that differ from the last commit
 * (Markdown block by block, roadmap.json item by item, other text as one block), each with its lines.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileDiffView, GitFileChange } from '../../shared/contract/gitViews.js';
import { largestBlockMerge } from '../../shared/merge/mergeFile.js';
import { runGitBytes } from './gitCommand.js';
import { blockViews } from './readableBlocks.js';
import { repositoryStatus, type RepositoryPlace } from './repositoryStatus.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
/** A blob as text: '' when absent, undefined when binary or not UTF-8. */
export function textOf(bytes: Buffer | undefined): string | undefined {
  if (!bytes) return '';
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export async function fileDiff(
  place: RepositoryPlace,
  file: string,
): Promise<{ ok: true; diff: FileDiffView } | { ok: false; error: 'not-changed'; message: string }> {
  const status = await repositoryStatus(place);
  const entry: GitFileChange | undefined = status.files.find((candidate) => candidate.path === file);
  if (!entry) return { ok: false, error: 'not-changed', message: `${file} has no uncommitted changes.` };
  const view: FileDiffView = { path: file, change: entry.change, blocks: [] };
  if (entry.change === 'conflicted') {
    view.note = 'Changed on both sides: open it to resolve the conflicts.';
    return { ok: true, diff: view };
  }
  const committed =
    entry.change === 'added'
      ? undefined
      : await runGitBytes(['cat-file', 'blob', `HEAD:${place.prefix}${entry.previousPath ?? file}`], {
          cwd: place.root,
        });
  let current: Buffer | undefined;
  if (entry.change !== 'deleted') {
    try {
      current = await fs.readFile(path.join(place.root, file));
    } catch {
      current = undefined;
    }
  }
  const [before, after] = [textOf(committed), textOf(current)];
  if (before === undefined || after === undefined) {
    view.note = 'Not a text file: shown by name only.';
    return { ok: true, diff: view };
  }
  if (Math.max(before.length, after.length) > largestBlockMerge) {
    view.note = 'Larger than 2 MB: shown by name only.';
    return { ok: true, diff: view };
  }
  view.blocks = blockViews(file, before, after);
  if (view.blocks.length === 0 && before !== after) view.note = 'Only line endings or blank lines changed.';
  return { ok: true, diff: view };
}
