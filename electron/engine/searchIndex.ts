/**
 * Full-text search over titles, keys and bodies. A scan of folded in-memory text, not an inverted
 * index: it is ready as soon as the files are read (no build, nothing extra to persist) and a query
 * over 10,000 documents (26 MB) takes a few milliseconds. Multi-word queries AND; the last word
 * matches as a prefix; title and key matches rank first.
 */
import type { SearchHit } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { findWord, foldText, queryWords } from './textFolding.js';

export interface SearchOptions {
  /** Most hits returned; 50 unless given. */
  limit?: number;
}

interface Searchable {
  entry: DocumentEntry;
  text: string;
  folded: string;
  /** Offset where the body starts, so front matter is matched through title and key only. */
  bodyStart: number;
  foldedTitle: string;
  foldedKey: string;
}

const snippetRadius = 80;
const countedOccurrences = 5;

export class SearchIndex {
  private readonly byPath = new Map<string, Searchable>();

  set(entry: DocumentEntry, text: string): void {
    this.byPath.set(entry.path, {
      entry,
      text,
      folded: foldText(text),
      bodyStart: bodyOffset(text, entry.bodyLine),
      foldedTitle: foldText(entry.title),
      foldedKey: entry.key === undefined ? '' : foldText(entry.key),
    });
  }

  remove(path: string): void {
    this.byPath.delete(path);
  }

  /** The text a document was indexed with (for a snippet, or to hand to the cache). */
  text(path: string): string | undefined {
    return this.byPath.get(path)?.text;
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const words = queryWords(query);
    if (words.length === 0) return [];
    const limit = options.limit ?? 50;
    const wholeQuery = words.join('-');
    // The longest word is usually the rarest: testing it first rejects most documents early.
    const order = words.map((word, position) => ({ word, prefix: position === words.length - 1 }));
    order.sort((a, b) => b.word.length - a.word.length);
    const scored: { document: Searchable; score: number; firstMatch: number }[] = [];
    for (const document of this.byPath.values()) {
      let score = 0;
      let firstMatch = -1;
      let inTitleOrKey = 0;
      let matchesAll = true;
      for (const { word, prefix } of order) {
        const titleMatch =
          findWord(document.foldedTitle, word, prefix) !== -1 ||
          findWord(document.foldedKey, word, prefix) !== -1;
        const bodyMatch = findWord(document.folded, word, prefix, document.bodyStart);
        if (!titleMatch && bodyMatch === -1) {
          matchesAll = false;
          break;
        }
        if (titleMatch) inTitleOrKey++;
        if (bodyMatch !== -1) {
          if (firstMatch === -1) firstMatch = bodyMatch;
          score += countFrom(document.folded, word, prefix, bodyMatch);
        }
      }
      if (!matchesAll) continue;
      if (document.foldedKey !== '' && document.foldedKey === wholeQuery) score += 10_000;
      if (inTitleOrKey === words.length) score += 1_000;
      else score += inTitleOrKey * 100;
      scored.push({ document, score, firstMatch });
    }
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        a.document.entry.title.localeCompare(b.document.entry.title) ||
        (a.document.entry.path < b.document.entry.path ? -1 : 1),
    );
    return scored.slice(0, limit).map(({ document, firstMatch }) => hitFor(document, words, firstMatch));
  }

  get size(): number {
    return this.byPath.size;
  }
}

/** Occurrences of a word from its first match, counted up to a few so one long file cannot win alone. */
function countFrom(folded: string, word: string, prefix: boolean, first: number): number {
  let count = 1;
  for (
    let at = findWord(folded, word, prefix, first + word.length);
    at !== -1 && count < countedOccurrences;
  ) {
    count++;
    at = findWord(folded, word, prefix, at + word.length);
  }
  return count;
}

function bodyOffset(text: string, bodyLine: number): number {
  let offset = 0;
  for (let line = 1; line < bodyLine; line++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return offset;
}

/** The line of the first body match (or the title), trimmed around the match, with every query word marked. */
function hitFor(document: Searchable, words: string[], firstMatch: number): SearchHit {
  const { entry } = document;
  const hit: SearchHit = {
    path: entry.path,
    title: entry.title,
    type: entry.type,
    line: 1,
    snippet: '',
    highlights: [],
  };
  if (entry.key !== undefined) hit.key = entry.key;
  let source = document.text;
  let folded = document.folded;
  let start = 0;
  let end = 0;
  if (firstMatch === -1) {
    source = entry.title;
    folded = document.foldedTitle;
    end = source.length;
  } else {
    start = document.text.lastIndexOf('\n', firstMatch) + 1;
    end = document.text.indexOf('\n', firstMatch);
    if (end === -1) end = document.text.length;
    if (document.text[end - 1] === '\r') end--;
    hit.line = lineAt(document.text, firstMatch);
    // Long lines are cut around the match, on word boundaries where possible.
    if (end - start > snippetRadius * 2) {
      const from = Math.max(start, firstMatch - snippetRadius);
      const to = Math.min(end, firstMatch + snippetRadius);
      const space = document.text.indexOf(' ', from);
      start = from === start || space === -1 || space >= firstMatch ? from : space + 1;
      const lastSpace = document.text.lastIndexOf(' ', to);
      end = to === end || lastSpace <= firstMatch ? to : lastSpace;
    }
  }
  const leading = source.slice(start, end).length - source.slice(start, end).trimStart().length;
  start += leading;
  const trailing = source.slice(start, end).length - source.slice(start, end).trimEnd().length;
  end -= trailing;
  hit.snippet = source.slice(start, end);
  const highlights: [number, number][] = [];
  words.forEach((word, position) => {
    const prefix = position === words.length - 1;
    for (
      let at = findWord(folded, word, prefix, start, end);
      at !== -1;
      at = findWord(folded, word, prefix, at + word.length, end)
    ) {
      highlights.push([at - start, at - start + wordEnd(folded, at, word, prefix, end)]);
    }
  });
  hit.highlights = mergeRanges(highlights);
  return hit;
}

/** How much of the text a match covers: the word, or for a prefix the whole word it starts. */
function wordEnd(folded: string, at: number, word: string, prefix: boolean, end: number): number {
  if (!prefix) return word.length;
  let length = word.length;
  while (at + length < end && /[\p{L}\p{N}\p{M}]/u.test(folded[at + length]!)) length++;
  return length;
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line++;
  return line;
}
