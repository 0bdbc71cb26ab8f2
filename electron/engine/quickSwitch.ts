/**
 * The quick switcher: matching over keys, titles, file names and paths of documents, requirements
 * and roadmap items. Exact and prefix key matches first, then an exact title or file name, then
 * titles holding the query as a whole word ("cli" in "Obsidian CLI"), then starting a word with it
 * ("Clip web pages"), then holding it inside a word, then holding every word in any order; then the
 * document's path ("Maya/Settings", "user interface settings"); last, subsequences with the fewest gaps.
 */
import type { QuickSwitchHit } from '../../shared/contract/apiContract.js';
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
  /** Which letters and digits key and title hold: a query needing others cannot match. */
  mask: number;
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
  let mask = characterMask(key) | characterMask(title) | characterMask(path);
  for (const name of names) mask |= characterMask(name);
  return { hit, key, title, names, path, mask };
}

/** One bit per letter a–z, one for any digit, one for anything else but spaces. */
function characterMask(text: string): number {
  let mask = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << 26;
    else if (code !== 32) mask |= 1 << 27;
  }
  return mask;
}

export function quickSwitch(
  candidates: Iterable<QuickSwitchCandidate>,
  query: string,
  limit = 20,
): QuickSwitchHit[] {
  const needle = foldText(query).replace(/\s+/g, ' ').trim();
  const needed = characterMask(needle);
  // Only the best `limit` are kept, in order: sorting thousands of weak matches would cost more than finding them.
  const best: { candidate: QuickSwitchCandidate; score: number }[] = [];
  for (const candidate of candidates) {
    if ((candidate.mask & needed) !== needed) continue;
    const score = needle === '' ? 0 : bestScore(candidate, needle);
    if (score <= 0 && needle !== '') continue;
    const scored = { candidate, score };
    if (best.length === limit && compareScored(scored, best[limit - 1]!) >= 0) continue;
    let position = best.length;
    while (position > 0 && compareScored(scored, best[position - 1]!) < 0) position--;
    best.splice(position, 0, scored);
    if (best.length > limit) best.pop();
  }
  return best.map(({ candidate }) => candidate.hit);
}

function compareScored(
  a: { candidate: QuickSwitchCandidate; score: number },
  b: { candidate: QuickSwitchCandidate; score: number },
): number {
  return (
    b.score - a.score ||
    typeOrder[a.candidate.hit.type] - typeOrder[b.candidate.hit.type] ||
    a.candidate.title.length - b.candidate.title.length ||
    (a.candidate.title < b.candidate.title ? -1 : a.candidate.title > b.candidate.title ? 1 : 0) ||
    (a.candidate.hit.path < b.candidate.hit.path ? -1 : a.candidate.hit.path > b.candidate.hit.path ? 1 : 0)
  );
}

/** The title's score, or a file name's or alias's a little below it, or else its path's. */
function bestScore(candidate: QuickSwitchCandidate, needle: string): number {
  let best = scoreOf(candidate, needle);
  for (const name of candidate.names) {
    best = Math.max(best, scoreOf({ ...candidate, title: name }, needle) - 1);
  }
  if (best >= pathScore || candidate.path === '') return best;
  return Math.max(best, pathMatchScore(candidate.path, needle));
}

/** Below every match of a title or name, above every subsequence. */
const pathScore = 1_500;

function scoreOf(candidate: QuickSwitchCandidate, needle: string): number {
  const { key, title } = candidate;
  if (key !== '') {
    if (key === needle) return 10_000;
    if (key.startsWith(needle)) return 5_000 - key.length;
  }
  if (title === needle) return 4_000;
  const whole = wholeWordAt(title, needle);
  // Nearer the start and in a shorter title ranks higher, as a title prefix does.
  if (whole !== -1) return 3_500 - Math.min(whole * 4 + title.length, 499);
  if (title.startsWith(needle)) return 3_000 - title.length;
  const at = title.indexOf(needle);
  if (at !== -1) return (isWordStart(title, at) ? 2_500 : 2_000) - at;
  const words = wordsScore(title, needle);
  if (words > 0) return words;
  // Requirement summaries are sentences, 50,000 of them: only keys and substrings match those.
  if (candidate.hit.type === 'requirement') return 0;
  const compact = needle.replace(/ /g, '');
  return Math.max(subsequenceScore(title, compact), subsequenceScore(key, compact));
}

/** Where `needle` stands in `text` as a whole word (or words), or -1. */
function wholeWordAt(text: string, needle: string): number {
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (isWordStart(text, at) && (end === text.length || !isWordCode(text.charCodeAt(end)))) return at;
  }
  return -1;
}

/** A path holding the query ("maya/settings"), or every word of it ("user interface settings"). */
function pathMatchScore(path: string, needle: string): number {
  const at = path.indexOf(needle);
  if (at !== -1) return pathScore - 1 - Math.min(at, 99);
  const words = wordsScore(path, needle.replace(/\//g, ' ').replace(/ +/g, ' ').trim());
  return words > 0 ? pathScore - 200 - Math.min(path.length, 99) : 0;
}

/**
 * Positive when each word of a query of several ("invite rev") is in the title, in any order: people
 * remember the words of a title, not their order. Higher when they start words of the title.
 */
function wordsScore(title: string, needle: string): number {
  const words = needle.split(' ');
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
  return Math.min(Math.max(score, 1), pathScore - 300);
}

function isWordStart(text: string, index: number): boolean {
  return index === 0 || !isWordCode(text.charCodeAt(index - 1));
}
