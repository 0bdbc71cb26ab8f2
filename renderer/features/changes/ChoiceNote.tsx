/**
 * Under a conflict's choices, what the selected one keeps and drops, in one sentence; before any
 * choice, on a requirement both sides wrote under one key, which copy Keep both renames and why.
 */
import type { ConflictView, ResolverPart } from '../../../shared/contract/gitViews.js';
import { wordRuns } from '../../../shared/merge/readableChange.js';
import { requirementKeyOf } from '../../../shared/merge/requirementKeyOf.js';

type Conflict = Extract<ResolverPart, { kind: 'conflict' }>;
type Choice = 'mine' | 'theirs' | 'both' | 'edit';

interface ChoiceNoteProps {
  view: ConflictView;
  conflicts: readonly Conflict[];
  choices: readonly (Choice | undefined)[];
  index: number;
}

/** A quote longer than this is cut: the side-by-side view shows it whole. */
const longestQuote = 80;

/** The words `text` has and `other` lacks, "…" standing for what they share; undefined when none. */
export function ownWords(text: string, other: string): string | undefined {
  const runs = wordRuns(text, other).filter((run) => run.change !== 'added');
  const own = runs.map((run) => run.change === 'removed' && run.text.trim() !== '');
  if (!own.includes(true)) return undefined;
  const quote = runs
    .map((run, at) => (own[at] ? run.text.trim() : run.text.trim() === '' ? ' ' : '…'))
    .join('')
    .replace(/…( ?…)+/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  return quote.length > longestQuote ? `${quote.slice(0, longestQuote - 1).trimEnd()}…` : quote;
}

export function ChoiceNote({ view, conflicts, choices, index }: ChoiceNoteProps) {
  const part = conflicts[index];
  const choice = choices[index];
  const oneKey =
    part &&
    requirementKeyOf(part.mine) !== undefined &&
    requirementKeyOf(part.mine) === requirementKeyOf(part.theirs);
  // Keep both on one key renames a copy: that note says which; before any choice it is the one to read.
  if (!part || choice === undefined || (choice === 'both' && oneKey && view.keepBoth)) {
    return <KeepBothNote view={view} conflicts={conflicts} choices={choices} index={index} />;
  }
  return <p className="resolver__keep-both">{choiceSentence(choice, part, view)}</p>;
}

/** Keep mine, Take theirs or Edit in one sentence, quoting the words the dropped side has alone. */
export function choiceSentence(
  choice: Choice,
  part: Pick<Conflict, 'mine' | 'theirs'>,
  view: Pick<ConflictView, 'mineLabel' | 'theirsLabel'>,
): string {
  if (choice === 'edit') return 'Edit: write the block yourself, starting from both.';
  if (choice === 'both') {
    return `Keep both: keeps your text, then the text of ${view.theirsLabel.toLowerCase()} after it; nothing is dropped.`;
  }
  const [label, kept, dropped, droppedName] =
    choice === 'mine'
      ? ['Keep mine', part.mine, part.theirs, view.theirsLabel.toLowerCase()]
      : ['Take theirs', part.theirs, part.mine, view.mineLabel.toLowerCase()];
  const keeps =
    kept.trim() === ''
      ? 'removes the block'
      : choice === 'mine'
        ? 'keeps your text'
        : `keeps the text of ${view.theirsLabel.toLowerCase()}`;
  const own = dropped.trim() === '' ? undefined : ownWords(dropped, kept);
  return own
    ? `${label}: ${keeps}; “${own}”, which only ${droppedName} has, is dropped.`
    : `${label}: ${keeps}; what ${droppedName} took out stays in.`;
}

const prefixOf = (key: string) => key.slice(0, key.lastIndexOf('-'));
/** "Theirs (origin/main)" as "Theirs", where the sentence names the remote branch anyway. */
const sideName = (label: string) => label.replace(/ \(.*\)$/, '');

/**
 * Before the click, on a requirement both sides wrote under one key: which copy Keep both renames (the
 * one arriving, to its key), and whether that copy is already on the remote, so teammates' links move.
 */
function KeepBothNote({
  view,
  conflicts,
  choices,
  index,
}: {
  view: ConflictView;
  conflicts: readonly Conflict[];
  choices: readonly (Choice | undefined)[];
  index: number;
}) {
  const part = conflicts[index];
  const key = part && requirementKeyOf(part.mine);
  if (!view.keepBoth || !key || key !== requirementKeyOf(part.theirs)) return null;
  // Keep both hands out the free keys in block order, to the blocks it is chosen for.
  const rank = conflicts
    .slice(0, index)
    .filter(
      (earlier, at) =>
        choices[at] === 'both' &&
        requirementKeyOf(earlier.mine) !== undefined &&
        requirementKeyOf(earlier.mine) === requirementKeyOf(earlier.theirs) &&
        prefixOf(requirementKeyOf(earlier.mine)!) === prefixOf(key),
    ).length;
  const newKey = view.keepBoth.freeKeys[prefixOf(key)]?.[rank];
  if (!newKey) return null;
  const { renamed, published, keptPublished } = view.keepBoth;
  const [renamedLabel, keptLabel] =
    renamed === 'theirs' ? [view.theirsLabel, view.mineLabel] : [view.mineLabel, view.theirsLabel];
  const why = published
    ? `That copy is already on ${published} too, but committed later: teammates who already linked to ${key} will see it move to ${newKey} after your push.`
    : keptPublished
      ? `${sideName(keptLabel)} is already on ${keptPublished}, so teammates’ links to ${key} keep meaning it; ${renamedLabel.toLowerCase()} is not pushed yet, so no teammate has linked to it.`
      : 'That copy is not on the remote yet, so no teammate has linked to it.';
  return (
    <p className="resolver__keep-both">
      Keep both: {renamedLabel.toLowerCase()} gets the new key {newKey}; {keptLabel.toLowerCase()} keeps {key}
      . {why}
    </p>
  );
}
