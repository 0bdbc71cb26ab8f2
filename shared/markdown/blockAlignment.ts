/**
 * Aligns the blocks of an edited document with the blocks it was parsed from, so unchanged blocks
 * can be written back from their original source text.
 */

/**
 * A text equal for equal content. Nodes are compared after schema normalization (`toJSON()`), whose
 * key order is fixed, so plain JSON is stable here and much cheaper than sorting keys.
 */
export function fingerprintOf(value: unknown): string {
  return JSON.stringify(value) ?? '';
}

const frozenFingerprints = new WeakMap<object, string>();

/**
 * `fingerprintOf` a node, remembered when the node is frozen (its caller freezes it all the way down):
 * the editor hands each unchanged block over as the same frozen object, so a save of a long document
 * fingerprints only the blocks that were edited.
 */
export function nodeFingerprint(node: object): string {
  if (!Object.isFrozen(node)) return fingerprintOf(node);
  let fingerprint = frozenFingerprints.get(node);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(node);
    frozenFingerprints.set(node, fingerprint);
  }
  return fingerprint;
}

type DocumentLike = { type?: string; content?: unknown[] };

/** Only `type` then `content`, every block an object: its fingerprint is its blocks' fingerprints joined. */
function plainBlocks(doc: DocumentLike): object[] | undefined {
  const keys = Object.keys(doc);
  const blocks = doc.content;
  const plain =
    keys.length === 2 &&
    keys[0] === 'type' &&
    keys[1] === 'content' &&
    typeof doc.type === 'string' &&
    Array.isArray(blocks) &&
    blocks.every((block) => typeof block === 'object' && block !== null && !Array.isArray(block));
  return plain ? (blocks as object[]) : undefined;
}

/** `fingerprintOf` a `{ type, content }` document, from its blocks' `nodeFingerprint`s (the same text). */
export function documentFingerprint(doc: DocumentLike): string {
  const blocks = plainBlocks(doc);
  if (!blocks) return fingerprintOf(doc);
  return `{"type":${JSON.stringify(doc.type)},"content":[${blocks.map(nodeFingerprint).join(',')}]}`;
}

/**
 * Whether `documentFingerprint(doc)` equals the fingerprint of a `type` document whose blocks have
 * `fingerprints`, compared block by block: joining a long document's fingerprints (a megabyte of
 * text for a 5,000-line spec) took more time than the rest of a save after one keystroke.
 */
export function sameBlocks(doc: DocumentLike, type: string, fingerprints: readonly string[]): boolean {
  const blocks = plainBlocks(doc);
  if (!blocks || doc.type !== type) return false;
  return (
    blocks.length === fingerprints.length &&
    blocks.every((block, index) => nodeFingerprint(block) === fingerprints[index])
  );
}

/**
 * For each new fingerprint, the index of an old one it keeps (a longest common subsequence after
 * trimming the common prefix and suffix, then equal fingerprints anywhere for moved blocks), or -1.
 */
export function alignBlocks(old: readonly string[], next: readonly string[]): number[] {
  const match = new Array<number>(next.length).fill(-1);
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) {
    match[prefix] = prefix;
    prefix++;
  }
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    old[old.length - 1 - suffix] === next[next.length - 1 - suffix]
  ) {
    match[next.length - 1 - suffix] = old.length - 1 - suffix;
    suffix++;
  }
  const oldMiddle = old.slice(prefix, old.length - suffix);
  const nextMiddle = next.slice(prefix, next.length - suffix);
  const used = new Set<number>(match.filter((index) => index !== -1));
  // A table of the middle's size must stay small (a replace-all edit would need gigabytes).
  const pairs =
    oldMiddle.length * nextMiddle.length <= 4_000_000 ? longestCommonSubsequence(oldMiddle, nextMiddle) : [];
  for (const [nextIndex, oldIndex] of pairs) {
    match[prefix + nextIndex] = prefix + oldIndex;
    used.add(prefix + oldIndex);
  }
  const unusedByFingerprint = new Map<string, number[]>();
  old.forEach((fingerprint, index) => {
    if (used.has(index)) return;
    const list = unusedByFingerprint.get(fingerprint) ?? [];
    list.push(index);
    unusedByFingerprint.set(fingerprint, list);
  });
  next.forEach((fingerprint, index) => {
    if (match[index] !== -1) return;
    const candidate = unusedByFingerprint.get(fingerprint)?.shift();
    if (candidate !== undefined) match[index] = candidate;
  });
  return match;
}

/** Pairs [nextIndex, oldIndex] of a longest common subsequence (quadratic, used on the edited middle only). */
function longestCommonSubsequence(old: readonly string[], next: readonly string[]): [number, number][] {
  if (old.length === 0 || next.length === 0) return [];
  const width = next.length + 1;
  const table = new Uint32Array((old.length + 1) * width);
  for (let i = old.length - 1; i >= 0; i--) {
    for (let j = next.length - 1; j >= 0; j--) {
      table[i * width + j] =
        old[i] === next[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < old.length && j < next.length) {
    if (old[i] === next[j]) {
      pairs.push([j, i]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}
