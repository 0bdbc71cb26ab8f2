/**
 * Two texts that share their start (or end) in a sentence naming both: the second as only the words
 * that differ, with "…" standing for what it shares with the first, which is quoted in full.
 */
import { wordRuns } from './readableChange.js';

/** Shorter shared runs read better in full than as "…". */
const worthEliding = (shared: string) => shared.trim().length >= 12;

export function differingWords(first: string, second: string): string {
  const runs = wordRuns(first, second);
  const [head, tail] = [runs[0], runs[runs.length - 1]];
  const dropHead = head !== undefined && !head.change && worthEliding(head.text) && runs.length > 1;
  const dropTail = tail !== undefined && !tail.change && worthEliding(tail.text) && runs.length > 1;
  const middle = runs.slice(dropHead ? 1 : 0, dropTail ? runs.length - 1 : runs.length);
  // Nothing of its own to show (the second only lacks words): it reads best in full.
  if ((!dropHead && !dropTail) || !middle.some((run) => run.change === 'added')) return second;
  const own = middle
    .filter((run) => run.change !== 'removed')
    .map((run) => run.text)
    .join('')
    .trim();
  return `${dropHead ? '…' : ''}${own}${dropTail ? '…' : ''}`;
}
