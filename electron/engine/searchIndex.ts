/**
 * Full-text search over titles, keys and bodies. A scan of folded in-memory text, not an inverted
 * index: it is ready as soon as the files are read (no build, nothing extra to persist) and a query
 * over 10,000 documents (26 MB) takes a few milliseconds. Terms AND (see searchQuery.ts: punctuation
 * inside a word is part of it, "quoted phrases" match in order); title and key matches rank first.
 */
import type { SearchHit } from '../../shared/contract/apiContract.js';
import type { DocumentEntry } from '../../shared/model/documentModel.js';
import { lineOffset, searchHit } from './searchHit.js';
import { findTerm, parseQuery, type QueryTerm } from './searchQuery.js';
import { findWord, foldText, shortPattern } from './textFolding.js';

export interface SearchOptions {
  /** Most hits returned; 50 unless given. */
  limit?: number;
}

/** What search reads of a document's entry (a cached `SearchSummary` is one). */
export type SearchEntry = Pick<
  DocumentEntry,
  'path' | 'type' | 'title' | 'key' | 'bodyLine' | 'aliases' | 'tags'
>;

interface Searchable {
  entry: SearchEntry;
  /** Undefined until `textSource` gives it (an entry from the cache). */
  text: string | undefined;
  /** Offset where the body starts, so front matter is matched through title and key only. */
  bodyStart: number;
  foldedTitle: string;
  foldedKey: string;
  segment: Segment;
}

/**
 * Documents are searched in segments: each holds the folded bodies of a few hundred documents in
 * one string, so a word is found with one native `indexOf` pass, and a change refolds one segment.
 */
interface Segment {
  documents: Searchable[];
  /** Folded bodies joined by NUL (never a word character); rebuilt after a change, on the next search. */
  folded: string | undefined;
  /** Where each document's folded body starts in `folded`; one extra entry for the end. */
  starts: Int32Array;
}

const segmentSize = 256;

/** Texts by path for documents indexed without one; a path left out is searched as empty. */
export type TextSource = (paths: string[]) => Map<string, string>;

export class SearchIndex {
  private readonly byPath = new Map<string, Searchable>();
  private readonly segments: Segment[] = [];
  private withoutText = 0;

  /** `textSource` answers for documents set without their text, when search first needs them. */
  constructor(private readonly textSource: TextSource = () => new Map()) {}

  /** `text` may be left out (an entry from the cache): it is asked of the text source on the first search. */
  set(entry: SearchEntry, text?: string): void {
    const existing = this.byPath.get(entry.path);
    if (existing && existing.text === undefined) this.withoutText--;
    if (text === undefined) this.withoutText++;
    const segment = existing?.segment ?? this.segmentWithRoom();
    const document: Searchable = {
      entry,
      text,
      bodyStart: text === undefined ? 0 : lineOffset(text, entry.bodyLine),
      // The title, and the names and tags a document is found by that its body may not hold.
      foldedTitle: foldText(
        entry.aliases.length + entry.tags.length === 0
          ? entry.title
          : [entry.title, ...entry.aliases, ...entry.tags].join(' '),
      ),
      foldedKey: entry.key === undefined ? '' : foldText(entry.key),
      segment,
    };
    if (existing) segment.documents[segment.documents.indexOf(existing)] = document;
    else segment.documents.push(document);
    segment.folded = undefined;
    this.byPath.set(entry.path, document);
  }

  remove(path: string): void {
    const existing = this.byPath.get(path);
    if (!existing) return;
    if (existing.text === undefined) this.withoutText--;
    const documents = existing.segment.documents;
    const position = documents.indexOf(existing);
    documents[position] = documents[documents.length - 1]!;
    documents.pop();
    existing.segment.folded = undefined;
    this.byPath.delete(path);
  }

  /** The text a document was indexed with (for a snippet, or to hand to the cache). */
  text(path: string): string | undefined {
    this.fillTexts();
    return this.byPath.get(path)?.text;
  }

  get size(): number {
    return this.byPath.size;
  }

  /** Folds every segment changed since the last search, so the next query pays nothing for it. */
  prepare(): void {
    this.fillTexts();
    for (const segment of this.segments) buildSegment(segment);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const limit = options.limit ?? 50;
    this.fillTexts();
    const words = terms.flatMap((term) => term.words);
    // Phrases and words with punctuation inside: their words are all there; now the term itself must be.
    const exact = terms.filter((term) => term.words.length > 1);
    const wholeQuery = terms.length === 1 ? terms[0]!.text : words.map(({ word }) => word).join('-');
    // The longest word is usually the rarest: searching it first leaves the fewest documents to check.
    const order = [...words].sort((a, b) => b.word.length - a.word.length);
    const best = new BestHits(limit);
    for (const segment of this.segments) {
      const count = segment.documents.length;
      if (count === 0) continue;
      const { folded, starts } = buildSegment(segment);
      const alive = new Uint8Array(count).fill(1);
      const inTitle = new Uint8Array(count);
      const firstMatch = new Int32Array(count).fill(-1);
      let remaining = count;
      for (const { word, prefix } of order) {
        const found = new Uint8Array(count);
        for (let index = 0; index < count; index++) {
          if (!alive[index]) continue;
          const document = segment.documents[index]!;
          if (
            findWord(document.foldedTitle, word, prefix) !== -1 ||
            findWord(document.foldedKey, word, prefix) !== -1
          ) {
            found[index] = 1;
            inTitle[index]!++;
          }
        }
        const onMatch = (index: number, at: number): void => {
          found[index] = 1;
          if (firstMatch[index] === -1) firstMatch[index] = at;
        };
        // A few live documents are checked one by one (a slice shares the segment's memory); many, in one pass.
        if (remaining * 2 < count) findInSome(folded, starts, word, prefix, alive, onMatch);
        else findInBodies(folded, starts, word, prefix, alive, onMatch);
        for (let index = 0; index < count; index++) {
          if (alive[index] && !found[index]) {
            alive[index] = 0;
            remaining--;
          }
        }
        if (remaining === 0) break;
      }
      for (let index = 0; index < count && remaining > 0; index++) {
        if (!alive[index]) continue;
        const document = segment.documents[index]!;
        if (exact.length > 0 && !hasTerms(document, folded, starts, index, exact)) continue;
        let score = inTitle[index] === words.length ? 1_000 : inTitle[index]! * 100;
        if (document.foldedKey !== '' && document.foldedKey === wholeQuery) score += 10_000;
        const at = firstMatch[index]!;
        best.offer({
          document,
          score,
          firstMatch: at === -1 ? -1 : at - starts[index]! + document.bodyStart,
        });
      }
    }
    return best.hits.map(({ document }) => {
      // The segment already holds the folded body: the hit's line is found there without folding again.
      const { folded, starts } = buildSegment(document.segment);
      const index = document.segment.documents.indexOf(document);
      const body = folded.slice(starts[index]!, starts[index + 1]! - 1);
      return searchHit(document.entry, document.text ?? '', document.bodyStart, terms, body);
    });
  }

  /** Asks the text source, once, for every text still missing. */
  private fillTexts(): void {
    if (this.withoutText === 0) return;
    const missing: Searchable[] = [];
    for (const document of this.byPath.values()) if (document.text === undefined) missing.push(document);
    const texts = this.textSource(missing.map((document) => document.entry.path));
    for (const document of missing) {
      const text = texts.get(document.entry.path) ?? '';
      document.text = text;
      document.bodyStart = lineOffset(text, document.entry.bodyLine);
      document.segment.folded = undefined;
    }
    this.withoutText = 0;
  }

  private segmentWithRoom(): Segment {
    const last = this.segments[this.segments.length - 1];
    if (last && last.documents.length < segmentSize) return last;
    const segment: Segment = { documents: [], folded: undefined, starts: new Int32Array(1) };
    this.segments.push(segment);
    return segment;
  }
}

interface Scored {
  document: Searchable;
  score: number;
  firstMatch: number;
}

/** The best `limit` hits so far, in order: sorting thousands of matches for "the" would cost more than finding them. */
class BestHits {
  readonly hits: Scored[] = [];
  constructor(private readonly limit: number) {}

  offer(scored: Scored): void {
    const hits = this.hits;
    if (hits.length === this.limit && compareScored(scored, hits[hits.length - 1]!) >= 0) return;
    let position = hits.length;
    while (position > 0 && compareScored(scored, hits[position - 1]!) < 0) position--;
    hits.splice(position, 0, scored);
    if (hits.length > this.limit) hits.pop();
  }
}

/** Higher scores first, then matches nearer the top of a document (its summary), then by path. */
function compareScored(a: Scored, b: Scored): number {
  return (
    b.score - a.score ||
    position(a.firstMatch) - position(b.firstMatch) ||
    (a.document.entry.path < b.document.entry.path
      ? -1
      : a.document.entry.path > b.document.entry.path
        ? 1
        : 0)
  );
}

function position(firstMatch: number): number {
  return firstMatch === -1 ? Number.MAX_SAFE_INTEGER : firstMatch;
}

function hasTerms(
  document: Searchable,
  folded: string,
  starts: Int32Array,
  index: number,
  terms: QueryTerm[],
): boolean {
  return terms.every(
    (term) =>
      findTerm(document.foldedTitle, term) !== undefined ||
      findTerm(document.foldedKey, term) !== undefined ||
      findTerm(folded, term, starts[index]!, starts[index + 1]! - 1) !== undefined,
  );
}

function findInSome(
  folded: string,
  starts: Int32Array,
  word: string,
  prefix: boolean,
  alive: Uint8Array,
  onMatch: (index: number, at: number) => void,
): void {
  for (let index = 0; index < alive.length; index++) {
    if (!alive[index]) continue;
    const at = findWord(folded.slice(starts[index]!, starts[index + 1]! - 1), word, prefix);
    if (at !== -1) onMatch(index, starts[index]! + at);
  }
}

function buildSegment(segment: Segment): { folded: string; starts: Int32Array } {
  if (segment.folded === undefined) {
    const parts: string[] = [];
    const starts = new Int32Array(segment.documents.length + 1);
    let offset = 0;
    segment.documents.forEach((document, index) => {
      const body = foldText((document.text ?? '').slice(document.bodyStart));
      starts[index] = offset;
      parts.push(body);
      offset += body.length + 1;
    });
    starts[segment.documents.length] = offset;
    segment.folded = parts.join('\u0000') + '\u0000';
    segment.starts = starts;
  }
  return { folded: segment.folded, starts: segment.starts };
}

/** One pass over a segment: the first whole-word match in each live document, skipping to the next document after it. */
function findInBodies(
  folded: string,
  starts: Int32Array,
  word: string,
  prefix: boolean,
  alive: Uint8Array,
  onMatch: (index: number, at: number) => void,
): void {
  const probe = word.length > shortPattern ? word.slice(0, shortPattern) : word;
  let document = 0;
  let at = folded.indexOf(probe);
  while (at !== -1) {
    while (starts[document + 1]! <= at) document++;
    const end = starts[document + 1]!;
    if (!alive[document]) {
      at = folded.indexOf(probe, end);
      continue;
    }
    const matched = findWord(folded, word, prefix, at, end - 1);
    if (matched !== -1) onMatch(document, matched);
    at = folded.indexOf(probe, end);
  }
}
