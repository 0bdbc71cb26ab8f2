/**
 * A requirement given a new key (a rekey after a merge, `specbench rekey`): the same text under
 * another key. Change reports pair such a removal and addition into one change that reads
 * "REQ-16 → REQ-18 (new key)" rather than the whole text struck out and added again.
 */
import { matchRequirementBlock } from '../grammar/linkGrammar.js';

/** The block `after` is `before` under a new key: both requirement blocks, keys differ, same inside. */
export function sameButKey(before: string, after: string): boolean {
  const [old, now] = [
    matchRequirementBlock(before.replace(/\r\n/g, '\n')),
    matchRequirementBlock(after.replace(/\r\n/g, '\n')),
  ];
  if (!old || !now || old.attributes.key === now.attributes.key) return false;
  const inside = (inner: string) => inner.trim();
  return inside(old.inner) !== '' && inside(old.inner) === inside(now.inner);
}

/** How a rekeyed requirement is named in a change report. */
export function rekeyLabel(from: string, to: string): string {
  return `${from} → ${to} (new key)`;
}

/**
 * Pairs removed and added entries that are one requirement under a new key, each used once; the
 * rest stay as they were.
 */
export function pairRekeyed<T>(
  removed: readonly T[],
  added: readonly T[],
  text: (entry: T) => string,
): { pairs: { before: T; after: T }[]; removed: T[]; added: T[] } {
  const pairs: { before: T; after: T }[] = [];
  const left = [...added];
  const stillRemoved: T[] = [];
  for (const entry of removed) {
    const index = left.findIndex((candidate) => sameButKey(text(entry), text(candidate)));
    if (index === -1) stillRemoved.push(entry);
    else pairs.push({ before: entry, after: left.splice(index, 1)[0]! });
  }
  return { pairs, removed: stillRemoved, added: left };
}
