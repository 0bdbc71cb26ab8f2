/** What a pull says about a roadmap entry of ours the merge moved to a new key, in one line. */
import type { RenumberedItemView } from '../contract/gitViews.js';

/** ["Your RM-13 is now ", "RM-14", "; Dana's RM-13 was pushed first."]: the new key apart, to link it. */
export function renumberedParts(entry: RenumberedItemView): [string, string, string] {
  const whose = entry.by ? `${entry.by}'s` : 'the remote’s';
  return [`Your ${entry.from} is now `, entry.to, `; ${whose} ${entry.from} was pushed first.`];
}

export function renumberedLine(entry: RenumberedItemView): string {
  return renumberedParts(entry).join('');
}
