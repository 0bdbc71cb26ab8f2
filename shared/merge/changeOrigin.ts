/**
 * What a person did when a change in an item's History gave it a new key or settled it in a merge, in
 * words, for the CLI's `history` and the app's History tab: "kept both in a merge by Sam PM: this copy
 * of REQ-1 became REQ-15", not "resolved in a merge by Sam PM" for every change a merge commit made.
 */
import type { ItemChangeView, KeyGiven } from '../contract/gitViews.js';

/** The part of a "Renumbered: …" or "Keep both: …" line that names `from` becoming `to`. */
function names(line: string, from: string, to: string): boolean {
  const each = line.slice(line.indexOf(': ') + 2).split('; ');
  return each.some(
    (part) =>
      (part === `${from} is now ${to}` || part.startsWith(`${from} (`)) && part.endsWith(` is now ${to}`),
  );
}

/**
 * How a change gave an item `to` instead of `from`, from what it recorded: its commit's lines (Keep
 * both's, written in a merge or a replayed commit; the driver's "Renumbered: …"), a `rekeys.json`
 * record it added (Keep both in a merge, "Give the newer one a new key", `rekey --file`), and whether
 * it was a merge (where the merge driver renumbers a roadmap item both sides added by itself, and a
 * requirement given a new key beside the other copy under the old one is both kept, also by hand).
 * Undefined for a key changed by hand.
 */
export function keyGivenHow(change: {
  from: string;
  to: string;
  kind: 'requirement' | 'roadmap' | 'document' | undefined;
  merge: boolean;
  body: string;
  recorded: boolean;
  /** The old key still names an item after the change: the other copy kept it. */
  oldKeyStays: boolean;
  /** The old key named two items of the file before the change: one copy of a duplicate was renamed. */
  definedTwice: boolean;
}): KeyGiven['how'] | undefined {
  const { from, to } = change;
  const lines = change.body.split(/\r?\n/);
  if (lines.some((line) => line.startsWith('Keep both: ') && names(line, from, to))) return 'kept-both';
  if (lines.some((line) => /^Renumbered(?: in merge [0-9a-f]+)?: /.test(line) && names(line, from, to)))
    return 'renumbered';
  if (change.merge && change.kind === 'roadmap') return 'renumbered';
  // Both copies of a key the two sides wrote live on, one under a new key: Keep both, in the app or by hand.
  if (change.merge && change.kind === 'requirement' && (change.recorded || change.oldKeyStays))
    return 'kept-both';
  return change.recorded || (change.definedTwice && change.oldKeyStays) ? 'renumbered' : undefined;
}

/**
 * "kept both in a merge by Sam PM: this copy of REQ-1 became REQ-15", "resolved in a merge by Lee":
 * what the change's author did, when it was more than an edit; undefined for an ordinary commit.
 */
export function changeOrigin(
  change: Pick<ItemChangeView, 'author' | 'merge' | 'previousKey' | 'keyGiven'>,
): string | undefined {
  const { author, keyGiven } = change;
  const from = change.previousKey;
  if (keyGiven && from) {
    if (keyGiven.how === 'kept-both')
      return change.merge
        ? `kept both in a merge by ${author}: this copy of ${from} became ${keyGiven.to}`
        : `kept both in a rebase: this copy of ${from} became ${keyGiven.to}`;
    return change.merge
      ? `renumbered in a merge by ${author}: the other side had added ${from} too, so this one became ${keyGiven.to}`
      : `renumbered by ${author}: ${from} was defined twice, so this copy became ${keyGiven.to}`;
  }
  return change.merge ? `resolved in a merge by ${author}` : undefined;
}
