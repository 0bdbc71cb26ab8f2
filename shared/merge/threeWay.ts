/**
 * Three-way merge of two sequences against their common ancestor (diff3): the sequences are cut
 * into runs all three share and runs where a side changed, each classified the usual way.
 */
import { diffArrays } from 'diff';

/** Where a chunk starts in each sequence. */
export interface ChunkStart {
  base: number;
  ours: number;
  theirs: number;
}

export type Chunk<T> = { at: ChunkStart; base: T[]; ours: T[]; theirs: T[] } & (
  | { kind: 'same' }
  /** Only one side changed, or both the same way: `items` is the result. */
  | { kind: 'changed'; items: T[]; side: 'ours' | 'theirs' | 'both' }
  | { kind: 'conflict' }
);

/** Past this many edits a diff gives up (a 20 MB rewrite would take minutes); callers treat it as one conflict. */
const maxEditLength = 20_000;

/**
 * For each index of `base`, the index of `next` it is kept at in a shortest edit script, or -1;
 * undefined when the two differ by more than the edit budget.
 */
export function matchIndexes(base: readonly string[], next: readonly string[]): Int32Array | undefined {
  const matches = new Int32Array(base.length).fill(-1);
  const changes = diffArrays([...base], [...next], { maxEditLength });
  if (changes === undefined) return undefined;
  let baseIndex = 0;
  let nextIndex = 0;
  for (const change of changes) {
    const count = change.count;
    if (change.added) nextIndex += count;
    else if (change.removed) baseIndex += count;
    else {
      for (let offset = 0; offset < count; offset++) matches[baseIndex + offset] = nextIndex + offset;
      baseIndex += count;
      nextIndex += count;
    }
  }
  return matches;
}

function sameItems<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): boolean {
  return a.length === b.length && a.every((item, index) => key(item) === key(b[index]!));
}

/**
 * Merges `ours` and `theirs` against `base`, comparing items by `key`. Undefined when a side differs
 * from the base beyond the edit budget.
 */
export function mergeSequences<T>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
): Chunk<T>[] | undefined {
  const baseKeys = base.map(key);
  const toOurs = matchIndexes(baseKeys, ours.map(key));
  const toTheirs = matchIndexes(baseKeys, theirs.map(key));
  if (!toOurs || !toTheirs) return undefined;
  const chunks: Chunk<T>[] = [];
  let o = 0;
  let a = 0;
  let b = 0;
  for (;;) {
    let run = 0;
    while (o + run < base.length && toOurs[o + run] === a + run && toTheirs[o + run] === b + run) run++;
    if (run > 0) {
      chunks.push({
        kind: 'same',
        at: { base: o, ours: a, theirs: b },
        base: base.slice(o, o + run),
        ours: ours.slice(a, a + run),
        theirs: theirs.slice(b, b + run),
      });
      o += run;
      a += run;
      b += run;
    }
    if (o >= base.length && a >= ours.length && b >= theirs.length) break;
    // The next base item both sides kept is where the sequences agree again.
    let nextO = o;
    while (nextO < base.length && (toOurs[nextO] === -1 || toTheirs[nextO] === -1)) nextO++;
    const nextA = nextO < base.length ? toOurs[nextO]! : ours.length;
    const nextB = nextO < base.length ? toTheirs[nextO]! : theirs.length;
    const at = { base: o, ours: a, theirs: b };
    chunks.push(classify(at, base.slice(o, nextO), ours.slice(a, nextA), theirs.slice(b, nextB), key));
    o = nextO;
    a = nextA;
    b = nextB;
  }
  return chunks;
}

function classify<T>(at: ChunkStart, base: T[], ours: T[], theirs: T[], key: (item: T) => string): Chunk<T> {
  const sides = { at, base, ours, theirs };
  const oursSame = sameItems(base, ours, key);
  const theirsSame = sameItems(base, theirs, key);
  if (oursSame && theirsSame) return { kind: 'same', ...sides };
  if (oursSame) return { kind: 'changed', items: theirs, side: 'theirs', ...sides };
  if (theirsSame) return { kind: 'changed', items: ours, side: 'ours', ...sides };
  if (sameItems(ours, theirs, key)) return { kind: 'changed', items: ours, side: 'both', ...sides };
  return { kind: 'conflict', ...sides };
}

/** Lines with their line endings, so joining them gives the text back exactly. */
export function splitLines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/**
 * A line-by-line three-way merge: the merged text when the sides changed different lines (as
 * `git merge-file` would merge them), undefined when they changed the same lines differently.
 */
export function mergeLinesCleanly(base: string, ours: string, theirs: string): string | undefined {
  if (ours === theirs || theirs === base) return ours;
  if (ours === base) return theirs;
  const chunks = mergeSequences(splitLines(base), splitLines(ours), splitLines(theirs), (line) => line);
  if (!chunks || chunks.some((chunk) => chunk.kind === 'conflict')) return undefined;
  return chunks.map((chunk) => (chunk.kind === 'changed' ? chunk.items : chunk.ours).join('')).join('');
}
