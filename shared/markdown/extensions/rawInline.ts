/**
 * Inline source the editor does not model, kept byte for byte as an atom: inline HTML and comments,
 * entities, footnote references, block ids and comments, math, reference-style links (see
 * referenceLinks.ts), and bracketed text no link grammar reads (`[[8]](url)`).
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { findInlineStart } from '../../grammar/inlineStart.js';
import { referenceAtStart } from '../../grammar/linkGrammar.js';
import { wikiLinkAtStart } from '../../grammar/nameLinkGrammar.js';
import { sourceAttribute } from './sourceAttribute.js';

const attribute = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
const rawInlinePatterns: RegExp[] = [
  new RegExp(String.raw`^<[A-Za-z][A-Za-z0-9-]*${attribute}*\s*\/?>`),
  /^<\/[A-Za-z][A-Za-z0-9-]*\s*>/,
  /^<!--(?:-?>|[\s\S]*?-->)/,
  /^<\?[\s\S]*?\?>/,
  /^<![A-Za-z][^>]*>/,
  /^<!\[CDATA\[[\s\S]*?\]\]>/,
  /^&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/,
  /^!\[\[[^[\]\n]+\]\]/,
  /^\[\^[^\]\s]+\]/,
  /^\[\[[^[\]\n]+\]\]/,
  /^%%[\s\S]*?%%/,
  /^\$\$[^$]+?\$\$/,
  /^\$(?![\s$])[^$\n]*?[^\s\\$]\$(?!\d)|^\$[^\s$\\]\$(?!\d)/,
  /^\^[A-Za-z0-9-]+(?=\n|$)/,
];

const startCharacters = /[<&![%$^]/g;

/** Matches raw inline source at the start of `source`, or undefined. */
export function matchRawInline(source: string): string | undefined {
  if (referenceAtStart.test(source) || wikiLinkAtStart(source) !== undefined) return undefined;
  for (const pattern of rawInlinePatterns) {
    const match = pattern.exec(source);
    if (match) return match[0];
  }
  return undefined;
}

/** Where raw inline source may start: the first place it parses, or a cut before which none does (see inlineStart.ts). */
export function findRawInlineStart(source: string): number {
  return findInlineStart(
    source,
    startCharacters,
    (text, index) => matchRawInline(text.slice(index)) !== undefined,
  );
}

export const RawInline = Node.create({
  name: 'rawInline',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return { source: sourceAttribute };
  },

  parseHTML() {
    return [{ tag: 'span[data-raw-inline]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', { 'data-raw-inline': '', ...HTMLAttributes }, String(node.attrs.source)];
  },

  renderText({ node }) {
    return String(node.attrs.source);
  },

  markdownTokenizer: {
    name: 'rawInline',
    level: 'inline',
    start: (source: string) => findRawInlineStart(source),
    tokenize: (source) => {
      const raw = matchRawInline(source);
      return raw === undefined ? undefined : ({ type: 'rawInline', raw, source: raw } as MarkdownToken);
    },
  },

  parseMarkdown: (token, helpers) =>
    helpers.createNode('rawInline', { source: (token as MarkdownToken & { source: string }).source }),

  renderMarkdown: (node: JSONContent) => String(node.attrs?.source ?? ''),
});
