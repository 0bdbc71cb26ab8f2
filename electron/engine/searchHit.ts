/** A search result: the body line that matches the query best (or the title), cut around the match, with every term marked. */
import type { SearchHit } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { findTerm, type QueryTerm } from './searchQuery.js';
import { foldText } from './textFolding.js';

const snippetRadius = 80;

/**
 * The line from `from` (a line start: the body's, or a linking line's) on holding the most of the
 * query's terms, the first such line on a tie (a line with the phrase beats one with a stray word 240
 * lines up); the title when no line has any. `folded` is `foldText(text.slice(from))` when known.
 */
export function searchHit(
  entry: Pick<DocumentEntry, 'path' | 'title' | 'type' | 'key'>,
  text: string,
  from: number,
  terms: QueryTerm[],
  folded = foldText(text.slice(from)),
  lines?: LineStarts,
): SearchHit {
  const hit: SearchHit = {
    path: entry.path,
    title: entry.title,
    type: entry.type,
    line: 1,
    snippet: '',
    highlights: [],
  };
  if (entry.key !== undefined) hit.key = entry.key;
  const matched = bestMatch(folded, terms);
  const best = matched === undefined ? undefined : from + matched;
  let source = entry.title;
  let start = 0;
  let end = source.length;
  if (best !== undefined) {
    source = text;
    start = text.lastIndexOf('\n', best - 1) + 1;
    end = text.indexOf('\n', best);
    if (end === -1) end = text.length;
    if (text[end - 1] === '\r') end--;
    hit.line = lines ? lines.lineAt(best) : lineAt(text, best);
    // Long lines are cut around the match, on word boundaries where possible.
    if (end - start > snippetRadius * 2) {
      const from = Math.max(start, best - snippetRadius);
      const to = Math.min(end, best + snippetRadius);
      const space = text.indexOf(' ', from);
      start = from === start || space === -1 || space >= best ? from : space + 1;
      const lastSpace = text.lastIndexOf(' ', to);
      end = to === end || lastSpace <= best ? to : lastSpace;
    }
  }
  const leading = source.slice(start, end).length - source.slice(start, end).trimStart().length;
  start += leading;
  const trailing = source.slice(start, end).length - source.slice(start, end).trimEnd().length;
  end -= trailing;
  hit.snippet = source.slice(start, end);
  hit.highlights = marks(foldText(hit.snippet), terms);
  return hit;
}

/**
 * One hit for every line from `from` on where a term matches, in line order. Each line is read on its
 * own and its number looked up, so a file mentioning a key on 100,000 lines costs one pass, not one
 * pass per line (a 9 MB file of links hung the engine for minutes).
 */
export function everyLineHit(
  entry: DocumentEntry,
  text: string,
  from: number,
  terms: QueryTerm[],
  lines = new LineStarts(text),
): SearchHit[] {
  const folded = foldText(text);
  const lineStarts = new Set<number>();
  for (const term of terms) {
    for (let match = findTerm(folded, term, from); match; match = findTerm(folded, term, match.at + 1))
      lineStarts.add(folded.lastIndexOf('\n', match.at - 1) + 1);
  }
  return [...lineStarts]
    .sort((a, b) => a - b)
    .map((lineStart) => lineHit(entry, text, lineStart, 1, terms, lines, folded));
}

/**
 * The hit on the first matching line among `count` lines from `lineStart` (a linking line, or the
 * one below it for a block list), reading only those lines.
 */
export function lineHit(
  entry: DocumentEntry,
  text: string,
  lineStart: number,
  count: number,
  terms: QueryTerm[],
  lines: LineStarts,
  folded?: string,
): SearchHit {
  let end = lineStart - 1;
  for (let line = 0; line < count; line++) {
    const next = text.indexOf('\n', end + 1);
    if (next === -1) {
      end = text.length;
      break;
    }
    end = next;
  }
  const scope = folded === undefined ? foldText(text.slice(lineStart, end)) : folded.slice(lineStart, end);
  return searchHit(entry, text, lineStart, terms, scope, lines);
}

/** Where each line of a text starts, so a line's number or offset costs a binary search. */
export class LineStarts {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
      this.starts.push(index + 1);
  }

  /** The 1-based line holding `offset`. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The offset where a 1-based line starts (the end of the text past its last line). */
  offset(line: number, textLength: number): number {
    return line - 1 < this.starts.length ? this.starts[Math.max(0, line - 1)]! : textLength;
  }
}

/** The offset in `folded` of the first match on the best line, or undefined when no term is in it. */
function bestMatch(folded: string, terms: QueryTerm[]): number | undefined {
  const lines = new Map<number, { terms: Set<number>; first: number }>();
  terms.forEach((term, index) => {
    for (let match = findTerm(folded, term); match; match = findTerm(folded, term, match.at + 1)) {
      const lineStart = folded.lastIndexOf('\n', match.at - 1) + 1;
      const line = lines.get(lineStart) ?? { terms: new Set<number>(), first: match.at };
      line.terms.add(index);
      line.first = Math.min(line.first, match.at);
      lines.set(lineStart, line);
    }
  });
  let best: { terms: Set<number>; first: number; lineStart: number } | undefined;
  for (const [lineStart, line] of lines) {
    if (
      !best ||
      line.terms.size > best.terms.size ||
      (line.terms.size === best.terms.size && lineStart < best.lineStart)
    )
      best = { ...line, lineStart };
  }
  return best?.first;
}

/** Every match of every term in the snippet, merged where they touch. */
function marks(folded: string, terms: QueryTerm[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let match = findTerm(folded, term); match; match = findTerm(folded, term, match.at + match.length))
      ranges.push([match.at, match.at + match.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The offset where a 1-based line starts (the end of the text past its last line). */
export function lineOffset(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const newline = text.indexOf('\n', offset);
    if (newline === -1) return text.length;
    offset = newline + 1;
  }
  return offset;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1))
    line++;
  return line;
}
