/** Key allocation and duplicate detection, shared by the engine, the CLI and the editor. */
import { splitKey } from '../grammar/linkGrammar.js';

/** The next free key for a prefix: one past the highest number in use, so deleted keys are never reused. */
export function nextKey(prefix: string, existingKeys: Iterable<string>): string {
  let highest = 0;
  for (const key of existingKeys) {
    const parts = splitKey(key);
    if (parts && parts.prefix === prefix && parts.number > highest) highest = parts.number;
  }
  return `${prefix}-${highest + 1}`;
}

/** Every key used more than once, with all its uses in their original order. */
export function findDuplicateKeys<T extends string | { key: string }>(
  entries: Iterable<T>,
): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const entry of entries) {
    const key = typeof entry === 'string' ? entry : entry.key;
    const uses = byKey.get(key);
    if (uses) uses.push(entry);
    else byKey.set(key, [entry]);
  }
  for (const [key, uses] of byKey) if (uses.length < 2) byKey.delete(key);
  return byKey;
}
