/**
 * A selection that would commit one half of what may be a rename: a deleted file chosen while a new
 * file stays out, or the other way round. Git pairs the renames it recognises into one row; this
 * catches the ones it did not (a file renamed and much rewritten), before teammates pull a deletion.
 */
import type { GitFileChange } from '../../../shared/contract/gitViews.js';

export interface SplitRename {
  committed: GitFileChange;
  leftOut: GitFileChange;
}

export function splitRename(
  files: readonly GitFileChange[],
  leftOut: ReadonlySet<string>,
): SplitRename | undefined {
  const kind = (change: GitFileChange['change'], out: boolean) =>
    files.find((file) => file.change === change && leftOut.has(file.path) === out);
  const pairs: [GitFileChange | undefined, GitFileChange | undefined][] = [
    [kind('deleted', false), kind('added', true)],
    [kind('added', false), kind('deleted', true)],
  ];
  for (const [committed, out] of pairs) if (committed && out) return { committed, leftOut: out };
  return undefined;
}

/** The warning, in words: which half goes and which stays. */
export function splitRenameWarning({ committed, leftOut }: SplitRename): string {
  const [gone, added] = committed.change === 'deleted' ? [committed, leftOut] : [leftOut, committed];
  const which =
    committed.change === 'deleted'
      ? `This commit deletes ${gone.path} but leaves out the new file ${added.path}.`
      : `This commit adds ${added.path} but leaves out the deletion of ${gone.path}.`;
  return `${which} If ${added.path} is ${gone.path} under a new name, commit both together, or teammates who pull will ${committed.change === 'deleted' ? 'lose the document' : 'get it twice'}.`;
}
