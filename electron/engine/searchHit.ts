/** A search result: the line of the first match (or the title), cut around it, with every query word marked by offsets. */
import type { SearchHit } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { findWord, foldText } from './textFolding.js';

const snippetRadius = 80;

/** The line of the first body match (or the title), trimmed around the match, with every query word marked. */
export function searchHit(
  entry: DocumentEntry,
  text: string,
  words: string[],
  firstMatch: number,
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
  let source = entry.title;
  let start = 0;
  let end = source.length;
  if (firstMatch !== -1) {
    source = text;
    start = text.lastIndexOf('\n', firstMatch) + 1;
    end = text.indexOf('\n', firstMatch);
    if (end === -1) end = text.length;
    if (text[end - 1] === '\r') end--;
    hit.line = lineAt(text, firstMatch);
    // Long lines are cut around the match, on word boundaries where possible.
    if (end - start > snippetRadius * 2) {
      const from = Math.max(start, firstMatch - snippetRadius);
      const to = Math.min(end, firstMatch + snippetRadius);
      const space = text.indexOf(' ', from);
      start = from === start || space === -1 || space >= firstMatch ? from : space + 1;
      const lastSpace = text.lastIndexOf(' ', to);
      end = to === end || lastSpace <= firstMatch ? to : lastSpace;
    }
  }
  const leading = source.slice(start, end).length - source.slice(start, end).trimStart().length;
  start += leading;
  const trailing = source.slice(start, end).length - source.slice(start, end).trimEnd().length;
  end -= trailing;
  hit.snippet = source.slice(start, end);
  const folded = foldText(hit.snippet);
  const highlights: [number, number][] = [];
  words.forEach((word, position) => {
    const prefix = position === words.length - 1;
    for (
      let at = findWord(folded, word, prefix);
      at !== -1;
      at = findWord(folded, word, prefix, at + word.length)
    ) {
      highlights.push([at, at + wordEnd(folded, at, word, prefix, folded.length)]);
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
