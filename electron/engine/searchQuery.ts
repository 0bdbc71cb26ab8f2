/**
 * A search query as terms: bare words, where punctuation inside a word belongs to it (`memory.high`,
 * `REQ-4`, `don't` match only as written), and "quoted phrases", whose words must follow each other
 * with nothing but spaces or punctuation between. Every term must match; the last bare word matches
 * as a prefix (the query as typed so far) unless it is a key.
 */
import { isKey } from '../../shared/grammar/linkGrammar.js';
import { findWord, foldText, isWordCode } from './textFolding.js';

export interface QueryTerm {
  /** Folded: the word as written (`memory.high`), or a phrase's words joined by single spaces. */
  text: string;
  /** Whether the term may end mid-word: the last bare word, still being typed. */
  prefix: boolean;
  /**
   * Its plain words, each at word boundaries: a document needs them all before the term itself is
   * looked for (`req` and `31337` are found fast; `req-31` would stop at every REQ-31…).
   */
  words: { word: string; prefix: boolean }[];
  /** For a quoted phrase: its words in order, only spaces or punctuation between. */
  phrase?: RegExp;
}

const letter = '[\\p{L}\\p{N}\\p{M}]';
const tokenPattern = /["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?|([^\s"\u201c\u201d]+)/gu;

export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let lastBare: { term: QueryTerm; key: boolean } | undefined;
  for (const match of query.matchAll(tokenPattern)) {
    if (match[1] !== undefined) {
      const words = wordsOf(foldText(match[1]));
      if (words.length === 0) continue;
      const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      terms.push({
        text: words.join(' '),
        prefix: false,
        words: words.map((word) => ({ word, prefix: false })),
        phrase: new RegExp(`(?<!${letter})${escaped.join(`(?:(?!${letter})[^])+`)}(?!${letter})`, 'gu'),
      });
      lastBare = undefined;
    } else {
      const folded = foldText(match[2]!);
      const [start, end] = wordBounds(folded);
      if (start === end) continue;
      const text = folded.slice(start, end);
      const term: QueryTerm = {
        text,
        prefix: false,
        words: wordsOf(text).map((word) => ({ word, prefix: false })),
      };
      terms.push(term);
      // Folding keeps offsets, so the same slice of the query as typed tells a key.
      lastBare = { term, key: isKey(match[2]!.slice(start, end)) };
    }
  }
  // Only a bare word ending the query is still being typed.
  const last = terms[terms.length - 1];
  if (lastBare && lastBare.term === last && !lastBare.key) {
    last.prefix = true;
    last.words[last.words.length - 1]!.prefix = true;
  }
  return terms;
}

/** Where `term` first matches in `text` from `from` to `to`, and how long the match is; undefined when nowhere. */
export function findTerm(
  text: string,
  term: QueryTerm,
  from = 0,
  to = text.length,
): { at: number; length: number } | undefined {
  if (term.phrase) {
    term.phrase.lastIndex = from;
    const match = term.phrase.exec(text);
    return match && match.index + match[0].length <= to
      ? { at: match.index, length: match[0].length }
      : undefined;
  }
  const at = findWord(text, term.text, term.prefix, from, to);
  if (at === -1) return undefined;
  let length = term.text.length;
  // A prefix marks the whole word it starts.
  if (term.prefix) while (at + length < to && isWordCode(text.charCodeAt(at + length))) length++;
  return { at, length };
}

function wordsOf(folded: string): string[] {
  return folded
    .split(/\s+/)
    .flatMap((token) => token.split(/(?:(?![\p{L}\p{N}\p{M}])[^])+/u))
    .filter((word) => word !== '');
}

/** Where a folded token's word starts and ends, leaving out what surrounds it (`[[`, a final comma). */
function wordBounds(folded: string): [number, number] {
  let start = 0;
  let end = folded.length;
  while (start < end && !isWordCode(folded.charCodeAt(start))) start++;
  while (end > start && !isWordCode(folded.charCodeAt(end - 1))) end--;
  return [start, end];
}
