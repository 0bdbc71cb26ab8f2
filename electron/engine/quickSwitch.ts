/**
 * The quick switcher: matching over keys, titles, file names and paths of documents, requirements
 * and roadmap items. Exact and prefix key matches first, then an exact title or file name, then
 * titles holding the query as a whole word ("cli" in "Obsidian CLI"), then starting a word with it
 * ("Clip web pages"), then holding it inside a word, then holding every word in any order; then the
 * document's path ("Maya/Settings", "user interface settings"); last, subsequences with the fewest gaps.
 */
import type { QuickSwitchHit } from '../../shared/contract/apiContract.js';
import {
  candidateFilter,
  mayMatchName,
  mayMatchPath,
  subsequenceCeiling,
  characterMask,
  filterQuery,
  pairMask,
} from './quickSwitchFilter.js';
import { foldText, isWordCode } from './textFolding.js';

export interface QuickSwitchCandidate {
  hit: QuickSwitchHit;
  /** Folded key, or empty. */
  key: string;
  /** Folded title. */
  title: string;
  /** Other folded names it answers to: a document's file name and aliases. */
  names: string[];
  /** A document's folded path without `.md` (`user interface/settings`), or empty. */
  path: string;
  /** Which letters and digits key, title and names hold: a query needing others matches none of them. */
  mask: number;
  /** The same for the path: a query needing others cannot match it (most queries skip it this way). */
  pathMask: number;
  /** The pairs of adjacent characters in title and names (`pairMask`). */
  pairs: readonly number[];
  pathPairs: readonly number[];
  keyPairs: readonly number[];
  /** Whether it can match as a subsequence of letters: a requirement cannot. */
  bySubsequence: boolean;
}

const typeOrder: Record<QuickSwitchHit['type'], number> = {
  spec: 0,
  story: 1,
  faq: 2,
  feedback: 3,
  doc: 4,
  requirement: 5,
  roadmap: 6,
};

export function quickSwitchCandidate(
  hit: QuickSwitchHit,
  otherNames: readonly string[] = [],
): QuickSwitchCandidate {
  const key = hit.key === undefined ? '' : foldText(hit.key);
  const title = foldText(hit.title);
  const names = otherNames.map(foldText).filter((name) => name !== title);
  // A requirement or roadmap item is not found by its file's path: every one of a spec's would match.
  const byPath = hit.type !== 'requirement' && hit.type !== 'roadmap';
  const path = byPath ? foldText(hit.path.replace(/\.md$/i, '')) : '';
  let mask = characterMask(key) | characterMask(title);
  for (const name of names) mask |= characterMask(name);
  const pairs = pairMask([title, ...names]);
  const pathPairs = pairMask([path]);
  const keyPairs = pairMask([key]);
  const bySubsequence = hit.type !== 'requirement';
  return {
    hit,
    key,
    title,
    names,
    path,
    mask,
    pathMask: characterMask(path),
    pairs,
    pathPairs,
    keyPairs,
    bySubsequence,
  };
}

export function quickSwitch(
  candidates: readonly QuickSwitchCandidate[],
  query: string,
  limit = 20,
): QuickSwitchHit[] {
  const needle = foldText(query).replace(/\s+/g, ' ').trim();
  const folded = queryOf(needle);
  const filter = candidateFilter(candidates);
  const filterBy = filterQuery(needle, folded.pathWords);
  // Only the best `limit` are kept, in order: sorting thousands of weak matches would cost more than finding them.
  const best: Scored[] = [];
  const offer = (index: number, by: number): void => {
    const candidate = candidates[index]!;
    const floor = best.length === limit ? best[limit - 1]!.score : 0;
    const score =
      needle === ''
        ? 0
        : bestScore(candidate, folded, (by & mayMatchName) !== 0, (by & mayMatchPath) !== 0, floor);
    if (score <= 0 && needle !== '') return;
    const scored = { candidate, score, index };
    if (best.length === limit && compareScored(scored, best[limit - 1]!) >= 0) return;
    let position = best.length;
    while (position > 0 && compareScored(scored, best[position - 1]!) < 0) position--;
    best.splice(position, 0, scored);
    if (best.length > limit) best.pop();
  };
  if (needle === '') {
    for (let index = 0; index < candidates.length; index++) offer(index, 0);
    return best.map(({ candidate }) => candidate.hit);
  }
  // Those that can match only as a subsequence score below every other match: they are scored only
  // when the others leave room. Of the others, those that could not beat the worst kept are skipped.
  const subsequenceOnly: number[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const by = filter.test(index, filterBy);
    if (by === 0) continue;
    const ceiling = filter.ceiling(index, by, needle.length);
    if (ceiling === subsequenceCeiling) subsequenceOnly.push(index, by);
    else if (ceiling > 0 && (best.length < limit || ceiling >= best[limit - 1]!.score)) offer(index, by);
  }
  if (best.length < limit || best[limit - 1]!.score <= subsequenceCeiling) {
    for (let at = 0; at < subsequenceOnly.length; at += 2)
      offer(subsequenceOnly[at]!, subsequenceOnly[at + 1]!);
  }
  return best.map(({ candidate }) => candidate.hit);
}

interface Scored {
  candidate: QuickSwitchCandidate;
  score: number;
  /** Where it stands in the list: equals keep the list's order whichever pass scored them. */
  index: number;
}

function compareScored(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    typeOrder[a.candidate.hit.type] - typeOrder[b.candidate.hit.type] ||
    a.candidate.title.length - b.candidate.title.length ||
    (a.candidate.title < b.candidate.title ? -1 : a.candidate.title > b.candidate.title ? 1 : 0) ||
    (a.candidate.hit.path < b.candidate.hit.path
      ? -1
      : a.candidate.hit.path > b.candidate.hit.path
        ? 1
        : 0) ||
    a.index - b.index
  );
}

/**
 * A folded query and what its scoring needs, split once per query rather than per candidate: its
 * words when it has several, without spaces, and the words a path is matched by ('maya/settings').
 */
interface Query {
  needle: string;
  words: readonly string[];
  compact: string;
  pathWords: string;
  pathWordList: readonly string[];
}

function queryOf(needle: string): Query {
  const pathWords = needle.replace(/\//g, ' ').replace(/ +/g, ' ').trim();
  return {
    needle,
    words: severalWords(needle),
    compact: needle.replace(/ /g, ''),
    pathWords,
    pathWordList: severalWords(pathWords),
  };
}

/** The words of a query of several, or none for a single word (which only matches as a substring). */
function severalWords(text: string): string[] {
  const words = text.split(' ');
  return words.length < 2 ? [] : words;
}

/**
 * The title's score, or a file name's or alias's a little below it, or else its path's; `byName`
 * and `byPath` say whether the letters of key, title and names, or of the path, allow a match.
 */
function bestScore(
  candidate: QuickSwitchCandidate,
  query: Query,
  byName: boolean,
  byPath: boolean,
  floor: number,
): number {
  const { key, hit } = candidate;
  // Scores that could not beat the worst kept need not be known: lower ones are returned instead.
  const bySubsequence = hit.type !== 'requirement' && floor <= subsequenceCeiling;
  let best = 0;
  if (byName) {
    best = scoreOf(key, candidate.title, bySubsequence, query);
    for (const name of candidate.names) best = Math.max(best, scoreOf(key, name, bySubsequence, query) - 1);
  }
  if (best >= pathScore || !byPath || floor >= pathScore) return best;
  return Math.max(best, pathMatchScore(candidate.path, query));
}

/** Below every match of a title or name, above every subsequence. */
const pathScore = 1_500;

function scoreOf(key: string, title: string, bySubsequence: boolean, query: Query): number {
  const needle = query.needle;
  if (key !== '') {
    if (key === needle) return 10_000;
    if (key.startsWith(needle)) return 5_000 - key.length;
  }
  if (title === needle) return 4_000;
  const at = title.indexOf(needle);
  if (at !== -1) {
    const whole = wholeWordAt(title, needle, at);
    // Nearer the start and in a shorter title ranks higher, as a title prefix does.
    if (whole !== -1) return 3_500 - Math.min(whole * 4 + title.length, 499);
    if (at === 0) return 3_000 - title.length;
    return (isWordStart(title, at) ? 2_500 : 2_000) - at;
  }
  const words = wordsScore(title, query.words);
  if (words > 0) return words;
  // Not for requirement summaries (sentences, 50,000 of them), nor when a subsequence could not be kept.
  if (!bySubsequence) return 0;
  return Math.max(subsequenceScore(title, query.compact), subsequenceScore(key, query.compact));
}

/** Where `needle` stands in `text` as a whole word (or words), or -1; `first` is its first place in `text`. */
function wholeWordAt(text: string, needle: string, first: number): number {
  for (let at = first; at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (isWordStart(text, at) && (end === text.length || !isWordCode(text.charCodeAt(end)))) return at;
  }
  return -1;
}

/** A path holding the query ("maya/settings"), or every word of it ("user interface settings"). */
function pathMatchScore(path: string, query: Query): number {
  const at = path.indexOf(query.needle);
  if (at !== -1) return pathScore - 1 - Math.min(at, 99);
  const words = wordsScore(path, query.pathWordList);
  return words > 0 ? pathScore - 200 - Math.min(path.length, 99) : 0;
}

/**
 * Positive when each word of a query of several ("invite rev") is in the title, in any order: people
 * remember the words of a title, not their order. Higher when they start words of the title.
 */
function wordsScore(title: string, words: readonly string[]): number {
  if (words.length < 2) return 0;
  let score = 1_800 - title.length;
  for (const word of words) {
    let at = title.indexOf(word);
    while (at !== -1 && !isWordStart(title, at)) at = title.indexOf(word, at + 1);
    if (at !== -1) continue;
    if (!title.includes(word)) return 0;
    score -= 100;
  }
  return Math.max(score, 1);
}

/**
 * Positive when every character of `needle` appears in order in `text`, higher for word starts and
 * runs; a match scattered through the middle of words (more than one jump in four characters) is no match.
 */
function subsequenceScore(text: string, needle: string): number {
  if (needle.length === 0 || needle.length > text.length) return 0;
  const allowedJumps = Math.max(1, Math.floor(needle.length / 4));
  let jumps = 0;
  let score = 1_000;
  let position = 0;
  let previous = -2;
  for (let index = 0; index < needle.length; index++) {
    const found = text.indexOf(needle[index]!, position);
    if (found === -1) return 0;
    const wordStart = isWordStart(text, found);
    if (found === previous + 1) score += 10;
    else {
      score -= Math.min(found - previous, 20);
      if (!wordStart && ++jumps > allowedJumps) return 0;
    }
    if (wordStart) score += 15;
    previous = found;
    position = found + 1;
  }
  return Math.min(Math.max(score, 1), subsequenceCeiling);
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || !isWordCode(text.charCodeAt(index - 1));
}
