/**
 * The requirements, references and wikilinks by name a parsed document holds, found through the
 * codec (its JSON, and for raw blocks a Markdown lex of their source), with 1-based file lines: the
 * engine's scanner is checked against this in the grammar conformance test.
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
import {
  formatWikiLink,
  nameLinkFromMatch,
  wikiLinkPatternGlobal,
  type NameLink,
} from '../grammar/nameLinkGrammar.js';
import { type BlockSource } from './blockWriter.js';
import { findRawInlineStart, matchRawInline } from './extensions/rawInline.js';
import { findReferenceStart, referenceOf } from './extensions/reference.js';
import { nameLinkOf, nameLinkTokenizer } from './extensions/wikiLink.js';
import { type ParsedDocument } from './parsedDocument.js';

export interface CollectedLinks {
  requirements: { key: string; line: number }[];
  references: (Reference & { line: number })[];
  /** `[[Note]]` links and `![[embeds]]` (the wiki form; Markdown links are marks and images). */
  nameLinks: (NameLink & { line: number })[];
}

/** A marked extension from one of the codec's wikilink tokenizers. */
function markedNameLinkExtension(name: string, embed: boolean) {
  const tokenizer = nameLinkTokenizer(name, embed);
  return {
    name,
    level: 'inline' as const,
    start: (source: string) => {
      const index = tokenizer.start(source);
      return index === -1 ? undefined : index;
    },
    tokenizer: (source: string) => tokenizer.tokenize(source) as Token | undefined,
  };
}

const rawSourceLexer = new Marked({
  extensions: [
    markedNameLinkExtension('wikiLink', false),
    markedNameLinkExtension('embed', true),
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
  const collected: CollectedLinks = { requirements: [], references: [], nameLinks: [] };
  const visit = (block: BlockSource) => {
    if (block.node.type === 'requirement' && block.requirement) {
      collected.requirements.push({
        key: String(block.node.attrs?.key ?? ''),
        line: bodyLine + lineAt(block.start),
      });
      block.requirement.inner.blocks.forEach(visit);
      return;
    }
    // A summary is plain text: only the body's blocks hold links.
    if (block.details) return void block.details.inner.blocks.forEach(visit);
    const source = normalized.slice(block.start, block.end);
    const links =
      block.node.type === 'rawBlock' ? linksInRawSource(source) : { references: [], nameLinks: [] };
    if (block.node.type !== 'rawBlock') linksInNode(block.node, links);
    let cursor = 0;
    for (const reference of links.references) {
      const found = locate(source, formatReference(reference), reference.label !== undefined, cursor);
      if (!found) continue;
      collected.references.push({ ...reference, line: bodyLine + lineAt(block.start + found.index) });
      cursor = found.index + found.length;
    }
    cursor = 0;
    for (const { link, text } of links.nameLinks) {
      const found = locate(source, text, link.label !== undefined, cursor);
      if (!found) continue;
      collected.nameLinks.push({ ...link, line: bodyLine + lineAt(block.start + found.index) });
      cursor = found.index + found.length;
    }
  };
  parsed.source.blocks.blocks.forEach(visit);
  return collected;
}

/** Where a link's source is, written with `|` or, in a table, `\\|`. */
function locate(
  source: string,
  plain: string,
  labelled: boolean,
  from: number,
): { index: number; length: number } | undefined {
  const forms = labelled ? [plain, plain.replace('|', '\\|')] : [plain];
  return forms
    .map((text) => ({ index: source.indexOf(text, from), length: text.length }))
    .filter((found) => found.index !== -1)
    .sort((a, b) => a.index - b.index)[0];
}

interface BlockLinks {
  references: Reference[];
  /** Each with the text it is written as. */
  nameLinks: { link: NameLink; text: string }[];
}

function linksInNode(node: JSONContent, found: BlockLinks): void {
  if (node.type === 'reference') found.references.push(referenceOf(node.attrs));
  else if (node.type === 'wikiLink' || node.type === 'embed') {
    const link = nameLinkOf(node.attrs, node.type === 'embed');
    const source = typeof node.attrs?.source === 'string' ? node.attrs.source : '';
    found.nameLinks.push({ link, text: source === '' ? formatWikiLink(link) : source });
  }
  for (const child of node.content ?? []) linksInNode(child, found);
}

/** Links in source the editor does not model: Markdown where it is Markdown, a text scan inside HTML. */
function linksInRawSource(source: string): BlockLinks {
  const found: BlockLinks = { references: [], nameLinks: [] };
  const visit = (token: Token) => {
    if (token.type === 'reference')
      found.references.push((token as Token & { reference: Reference }).reference);
    else if (token.type === 'wikiLink' || token.type === 'embed')
      found.nameLinks.push({ link: (token as Token & { link: NameLink }).link, text: token.raw });
    else if (token.type === 'html') {
      const visible = visibleHtmlText(token.raw);
      found.references.push(...referencesInText(visible));
      found.nameLinks.push(...nameLinksInText(visible));
    }
    const children = [
      ...('tokens' in token && Array.isArray(token.tokens) ? (token.tokens as Token[]) : []),
      ...('items' in token && Array.isArray(token.items) ? (token.items as Token[]) : []),
    ];
    children.forEach(visit);
  };
  rawSourceLexer.lexer(source).forEach(visit);
  return found;
}

/** HTML with comments and tags (their attribute values) blanked: they are not text a reader sees. */
function visibleHtmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?(?:-->|$)|<[A-Za-z/!?][^>]*>/g, (hidden) => hidden.replace(/[^\n]/g, ' '));
}

function referencesInText(text: string): Reference[] {
  return Array.from(text.matchAll(referencePatternGlobal()), (match) => referenceFromMatch(match));
}

function nameLinksInText(text: string): BlockLinks['nameLinks'] {
  const found: BlockLinks['nameLinks'] = [];
  for (const match of text.matchAll(wikiLinkPatternGlobal())) {
    const link = nameLinkFromMatch(match, text.slice(match.index + match[0].length));
    if (link) found.push({ link, text: match[0] });
  }
  return found;
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
