/**
 * The requirements and references a parsed document holds, found through the codec (its JSON, and
 * for raw blocks a Markdown lex of their source), with 1-based file lines: the engine's scanner is
 * checked against this in the grammar conformance test.
 */
import { type JSONContent } from '@tiptap/core';
import { Marked, type Token } from 'marked';
import {
  formatReference,
  referenceAtStart,
  referenceFromMatch,
  referencePatternGlobal,
  type Reference,
} from '../grammar/linkGrammar.js';
import { type BlockSource } from './blockWriter.js';
import { findRawInlineStart, matchRawInline } from './extensions/rawInline.js';
import { findReferenceStart, referenceOf } from './extensions/reference.js';
import { type ParsedDocument } from './parsedDocument.js';

export interface CollectedLinks {
  requirements: { key: string; line: number }[];
  references: (Reference & { line: number })[];
}

const rawSourceLexer = new Marked({
  extensions: [
    {
      name: 'rawInline',
      level: 'inline',
      start: (source: string) => {
        const index = findRawInlineStart(source);
        return index === -1 ? undefined : index;
      },
      tokenizer: (source: string) => {
        const raw = matchRawInline(source);
        return raw === undefined ? undefined : { type: 'rawInline', raw };
      },
    },
    {
      name: 'reference',
      level: 'inline',
      start: (source: string) => {
        const index = findReferenceStart(source);
        return index === -1 ? undefined : index;
      },
      tokenizer: (source: string) => {
        const match = referenceAtStart.exec(source);
        return match ? { type: 'reference', raw: match[0], reference: referenceFromMatch(match) } : undefined;
      },
    },
  ],
});

export function collectLinks(parsed: ParsedDocument): CollectedLinks {
  const { normalized } = parsed.source;
  const bodyLine = parsed.split.bodyLine;
  const lineAt = lineIndex(normalized);
  const collected: CollectedLinks = { requirements: [], references: [] };
  const visit = (block: BlockSource) => {
    if (block.node.type === 'requirement' && block.requirement) {
      collected.requirements.push({
        key: String(block.node.attrs?.key ?? ''),
        line: bodyLine + lineAt(block.start),
      });
      block.requirement.inner.blocks.forEach(visit);
      return;
    }
    const source = normalized.slice(block.start, block.end);
    const references =
      block.node.type === 'rawBlock' ? referencesInRawSource(source) : referencesInNode(block.node);
    let cursor = 0;
    for (const reference of references) {
      const found = locate(source, reference, cursor);
      if (!found) continue;
      collected.references.push({ ...reference, line: bodyLine + lineAt(block.start + found.index) });
      cursor = found.index + found.length;
    }
  };
  parsed.source.blocks.blocks.forEach(visit);
  return collected;
}

/** Where a reference's source is, written with `|` or, in a table, `\\|`. */
function locate(
  source: string,
  reference: Reference,
  from: number,
): { index: number; length: number } | undefined {
  const plain = formatReference(reference);
  const forms = reference.label === undefined ? [plain] : [plain, plain.replace('|', '\\|')];
  return forms
    .map((text) => ({ index: source.indexOf(text, from), length: text.length }))
    .filter((found) => found.index !== -1)
    .sort((a, b) => a.index - b.index)[0];
}

function referencesInNode(node: JSONContent): Reference[] {
  if (node.type === 'reference') return [referenceOf(node.attrs)];
  return (node.content ?? []).flatMap(referencesInNode);
}

/** References in source the editor does not model: Markdown where it is Markdown, a text scan inside HTML. */
function referencesInRawSource(source: string): Reference[] {
  const found: Reference[] = [];
  const visit = (token: Token) => {
    if (token.type === 'reference') found.push((token as Token & { reference: Reference }).reference);
    else if (token.type === 'html') found.push(...referencesInHtml(token.raw));
    const children = [
      ...('tokens' in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : []),
      ...('items' in token && Array.isArray(token.items) ? (token.items as Token[]) : []),
    ];
    children.forEach(visit);
  };
  rawSourceLexer.lexer(source).forEach(visit);
  return found;
}

function referencesInHtml(html: string): Reference[] {
  // Comments and tags (their attribute values) are not text a reader sees.
  const visible = html.replace(/<!--[\s\S]*?(?:-->|$)|<[A-Za-z/!?][^>]*>/g, (hidden) =>
    hidden.replace(/[^\n]/g, ' '),
  );
  return Array.from(visible.matchAll(referencePatternGlobal()), (match) => referenceFromMatch(match));
}

/** A function from offset to 0-based line, by binary search over newline positions. */
function lineIndex(text: string): (offset: number) => number {
  const newlines: number[] = [];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1))
    newlines.push(index);
  return (offset) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (newlines[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}
