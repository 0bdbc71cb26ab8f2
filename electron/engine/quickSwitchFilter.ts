/**
 * What the quick switcher rules candidates out by before scoring them: which letters their names
 * hold and, for requirements, which pairs of adjacent characters; kept in typed arrays per candidate
 * list, so a query over 62,000 candidates touches only the few hundred that can match.
 */

/** One bit per letter a–z, one for any digit, one for anything else but spaces. */
export function characterMask(text: string): number {
  let mask = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
    else if (code !== 32) mask |= 1 << 27;
  }
  return mask;
}

/** Bits per number of a pair mask: 30 keep each number a small integer to V8. */
const pairBits = 30;
const pairWords = 4;

/**
 * Which pairs of adjacent characters the texts hold, hashed into 120 bits. Every match but a
 * subsequence holds the query or each of its words, so it holds their pairs.
 */
export function pairMask(texts: readonly string[]): number[] {
  // Four numbers in locals, not an array indexed per pair: 62,000 candidates are masked on first use.
  let low = 0;
  let second = 0;
  let third = 0;
  let high = 0;
  for (const text of texts) {
    let previous = text.charCodeAt(0);
    for (let index = 1; index < text.length; index++) {
      const code = text.charCodeAt(index);
      // Mixed (Fibonacci hashing), then scaled into 0–119 by a multiply and a shift rather than a division.
      const bit = ((Math.imul((previous << 16) | code, 0x9e3779b1) >>> 16) * pairBits * pairWords) >>> 16;
      previous = code;
      if (bit < pairBits) low |= 1 << bit;
      else if (bit < 2 * pairBits) second |= 1 << (bit - pairBits);
      else if (bit < 3 * pairBits) third |= 1 << (bit - 2 * pairBits);
      else high |= 1 << (bit - 3 * pairBits);
    }
  }
  return [low, second, third, high];
}

/** What a candidate offers the filter. */
export interface FilterFields {
  title: string;
  names: readonly string[];
  mask: number;
  pathMask: number;
  path: string;
  /** Pairs of title and names. */
  pairs: readonly number[];
  pathPairs: readonly number[];
  keyPairs: readonly number[];
  /** Whether it can match as a subsequence of letters (a requirement cannot). */
  bySubsequence: boolean;
}

/** What `test` tells of a candidate, bit by bit. */
export const mayMatchName = 1;
export const mayMatchPath = 2;
/** Title or names hold the pairs of each word of the query; … of the whole query; the path, of each word. */
const holdsWords = 4;
const holdsWhole = 8;
const pathHoldsWords = 16;
/** Its key may start with the query. */
export const keyMayMatch = 32;
const matchesSubsequence = 64;
/** The most a subsequence scores: below every other match. */
export const subsequenceCeiling = 1_200;
/** Above the bits of `characterMask`: every query needs it, and only candidates with a path have it. */
const hasPath = 1 << 28;

/** The masks of a list of candidates side by side, built once per list. */
export class CandidateFilter {
  private readonly masks: Int32Array;
  private readonly pathMasks: Int32Array;
  private readonly pairs: Int32Array;
  private readonly pathPairs: Int32Array;
  private readonly keyPairs: Int32Array;
  private readonly shortest: Int32Array;
  private readonly subsequence: Uint8Array;

  constructor(candidates: readonly FilterFields[]) {
    this.masks = new Int32Array(candidates.length);
    this.pathMasks = new Int32Array(candidates.length);
    this.pairs = new Int32Array(candidates.length * pairWords);
    this.pathPairs = new Int32Array(candidates.length * pairWords);
    this.keyPairs = new Int32Array(candidates.length * pairWords);
    this.shortest = new Int32Array(candidates.length);
    this.subsequence = new Uint8Array(candidates.length);
    candidates.forEach((candidate, index) => {
      this.masks[index] = candidate.mask;
      this.pathMasks[index] = candidate.path === '' ? 0 : candidate.pathMask | hasPath;
      this.pairs.set(candidate.pairs, index * pairWords);
      this.pathPairs.set(candidate.pathPairs, index * pairWords);
      this.keyPairs.set(candidate.keyPairs, index * pairWords);
      let shortest = candidate.title.length;
      for (const name of candidate.names) shortest = Math.min(shortest, name.length);
      this.shortest[index] = shortest;
      this.subsequence[index] = candidate.bySubsequence ? matchesSubsequence : 0;
    });
  }

  /** The bits above that hold for candidate `index`; 0 where it lacks the query's letters. */
  test(index: number, query: FilterQuery): number {
    const name = (this.masks[index]! & query.mask) === query.mask ? mayMatchName : 0;
    const path = (this.pathMasks[index]! & query.pathMask) === query.pathMask ? mayMatchPath : 0;
    if (name + path === 0) return 0;
    const at = index * pairWords;
    return (
      name +
      path +
      this.subsequence[index]! +
      (holds(this.pairs, at, query.wordPairs) ? holdsWords : 0) +
      (holds(this.pairs, at, query.wholePairs) ? holdsWhole : 0) +
      (holds(this.pathPairs, at, query.wordPairs) ? pathHoldsWords : 0) +
      (holds(this.keyPairs, at, query.wholePairs) ? keyMayMatch : 0)
    );
  }

  /**
   * The most candidate `index` can score, with `bits` from `test`, or 0 where it cannot match (see
   * `scoreOf`): by its key; by a title or name holding the query (4,000 for one of its length, else
   * as a whole word at the start of its shortest); by each word of it in the shortest; by its path;
   * as a subsequence.
   */
  ceiling(index: number, bits: number, needleLength: number): number {
    if ((bits & mayMatchName) !== 0) {
      if ((bits & keyMayMatch) !== 0) return 10_000;
      const shortest = this.shortest[index]!;
      if ((bits & holdsWhole) !== 0)
        return shortest <= needleLength ? 4_000 : 3_500 - Math.min(shortest, 499);
      if ((bits & holdsWords) !== 0) return Math.max(1_800 - shortest, 1_499);
    }
    if ((bits & (mayMatchPath | pathHoldsWords)) === (mayMatchPath | pathHoldsWords)) return 1_499;
    return (bits & (mayMatchName | matchesSubsequence)) === (mayMatchName | matchesSubsequence)
      ? subsequenceCeiling
      : 0;
  }
}

function holds(masks: Int32Array, at: number, needed: readonly number[]): boolean {
  for (let word = 0; word < pairWords; word++)
    if ((masks[at + word]! & needed[word]!) !== needed[word]) return false;
  return true;
}

export interface FilterQuery {
  mask: number;
  pathMask: number;
  wordPairs: readonly number[];
  wholePairs: readonly number[];
}

/** `pathWords` is the query with `/` as a space: the pairs of its words are in every match but a subsequence. */
export function filterQuery(needle: string, pathWords: string): FilterQuery {
  return {
    mask: characterMask(needle),
    pathMask: characterMask(pathWords) | hasPath,
    wordPairs: pairMask(pathWords.split(' ')),
    wholePairs: pairMask([needle]),
  };
}

const filters = new WeakMap<readonly FilterFields[], CandidateFilter>();

/** The filter of a candidate list, kept while the list lives (the workspace replaces it on change). */
export function candidateFilter(candidates: readonly FilterFields[]): CandidateFilter {
  let filter = filters.get(candidates);
  if (!filter) {
    filter = new CandidateFilter(candidates);
    filters.set(candidates, filter);
  }
  return filter;
}
