/** The TipTap extension list (schema and Markdown rules, no React, no DOM) shared by the editor and the engine. */
import { type Extensions, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { CodeBlock } from '@tiptap/extension-code-block';
import { Document } from '@tiptap/extension-document';
import { HardBreak } from '@tiptap/extension-hard-break';
import { Image } from '@tiptap/extension-image';
import { Link } from '@tiptap/extension-link';
import { BulletList, OrderedList } from '@tiptap/extension-list';
import { Paragraph } from '@tiptap/extension-paragraph';
import { Table, TableKit, renderTableToMarkdown } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { Callout } from './extensions/callout.js';
import { CalloutTitle } from './extensions/calloutTitle.js';
import { Details, DetailsSummary } from './extensions/details.js';
import { Embed } from './extensions/embed.js';
import { withLooseness } from './extensions/looseList.js';
import { RawBlock } from './extensions/rawBlock.js';
import { RawInline } from './extensions/rawInline.js';
import { StateTaskList } from './extensions/taskList.js';
import { Reference } from './extensions/reference.js';
import { Requirement } from './extensions/requirement.js';
import { WikiLink } from './extensions/wikiLink.js';
import { escapeBlockStarts, escapeMarkdownText } from './markdownText.js';
import { standardStyle, type MarkdownStyle } from './markdownStyle.js';
import { styledExtensions } from './styledExtensions.js';
import { formatTable, holdNoBreakSpaces, restoreNoBreakSpaces } from './tableLayout.js';

export const allowedLinkProtocols = ['http', 'https', 'mailto'] as const;

/** http, https, mailto, and scheme-less links (workspace paths, anchors); checked after normalising. */
export function isAllowedLink(href: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters hide schemes (`java\tscript:`)
  const normalized = href.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized);
  return scheme === null || (allowedLinkProtocols as readonly string[]).includes(scheme[1]!);
}

/** A fence longer than any backtick run inside the code, so code containing ``` cannot end it early. */
export function codeFenceFor(code: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Paragraph lines lose their leading whitespace in Markdown, so the text does not keep it either. */
function stripLineIndentation(content: JSONContent[]): JSONContent[] {
  return content
    .map((node, index) => {
      if (node.type !== 'text' || node.text === undefined) return node;
      let text = node.text.replace(/\n[ \t]+/g, '\n');
      const previous = content[index - 1];
      if (index === 0 || previous?.type === 'hardBreak') text = text.replace(/^[ \t]+/, '');
      return { ...node, text };
    })
    .filter((node) => node.type !== 'text' || node.text !== '');
}

// Never unwrap a lone image out of its paragraph: an inline image at the top level is schema-invalid.
const InlineParagraph = Paragraph.extend({
  parseMarkdown: (token: MarkdownToken, helpers) =>
    helpers.createNode('paragraph', undefined, stripLineIndentation(helpers.parseInline(token.tokens ?? []))),
  renderMarkdown: (node: JSONContent, helpers) =>
    node.content && node.content.length > 0 ? escapeBlockStarts(helpers.renderChildren(node.content)) : '',
});

/** A tilde fence longer than any tilde run that starts a line of the code. */
function tildeFenceFor(code: string): string {
  const longest = Math.max(0, ...Array.from(code.matchAll(/^ {0,3}(~+)/gm), (match) => match[1]!.length));
  return '~'.repeat(Math.max(3, longest + 1));
}

const fencedCodeBlock = (style: () => MarkdownStyle) =>
  CodeBlock.extend({
    // TipTap takes only fences at the margin; one indented 1 to 3 spaces (`>  ```md` in a callout) is the same code.
    parseMarkdown(token: MarkdownToken, helpers) {
      const indentedFence = /^ {1,3}(?:```|~~~)/.test(String(token.raw ?? ''));
      const parse = this.parent as (token: MarkdownToken, helpers: unknown) => JSONContent | JSONContent[];
      return parse(indentedFence ? { ...token, raw: String(token.raw).trimStart() } : token, helpers);
    },
    renderMarkdown: (node: JSONContent, helpers) => {
      const code = node.content ? helpers.renderChildren(node.content) : '';
      const fence = style().fence === '~~~' ? tildeFenceFor(code) : codeFenceFor(code);
      return `${fence}${String(node.attrs?.language ?? '')}\n${code}${code === '' ? '' : '\n'}${fence}`;
    },
  });

/** A link or image destination, in angle brackets when it holds spaces, parentheses or brackets. */
export function formatDestination(href: string): string {
  return /[\s()<>]/.test(href) ? `<${href.replace(/([<>\\])/g, '\\$1')}>` : href;
}

function formatTitle(title: unknown): string {
  return typeof title === 'string' && title !== '' ? ` "${title.replace(/(["\\])/g, '\\$1')}"` : '';
}

const SafeImage = Image.extend({
  renderMarkdown: (node: JSONContent) => {
    const alt = String(node.attrs?.alt ?? '').replace(/([\\[\]])/g, '\\$1');
    return `![${alt}](${formatDestination(String(node.attrs?.src ?? ''))}${formatTitle(node.attrs?.title)})`;
  },
});

/**
 * Whether a link whose text is `text` reads back from `<text>`: its text is its own address (or
 * e-mail address) and needs no escape, since an autolink's text is taken literally.
 */
function isAutolink(href: string, text: unknown, title: unknown): boolean {
  if (typeof text !== 'string' || title || /[\s<>]/.test(text) || escapeMarkdownText(text) !== text)
    return false;
  if (text === href) return /^[a-z][a-z0-9+.-]{1,31}:/i.test(href);
  return href === `mailto:${text}` && /^[^@\s]+@[^@\s]+$/.test(text);
}

const SafeLink = Link.extend({
  // A link to another app (`obsidian://…`) is kept as written, shown as its text, never followed.
  parseMarkdown(token: MarkdownToken, helpers) {
    if (!isAllowedLink(String(token.href ?? '')))
      return helpers.createNode('rawInline', { source: String(token.raw ?? '') });
    return (this.parent as (token: MarkdownToken, helpers: unknown) => JSONContent)(token, helpers);
  },
  renderMarkdown: (node: JSONContent, helpers, context) => {
    const href = String(node.attrs?.href ?? '');
    const text = (context?.meta as { markText?: unknown } | undefined)?.markText;
    if (isAutolink(href, text, node.attrs?.title)) return `<${helpers.renderChildren(node)}>`;
    return `[${helpers.renderChildren(node)}](${formatDestination(href)}${formatTitle(node.attrs?.title)})`;
  },
});

// Requirements are top-level only: the document, and nothing else, may hold them.
const SpecDocument = Document.extend({ content: '(block | requirement)+' });

// Trailing double spaces vanish in many editors: a backslash hard break, unless the file uses them.
const styledHardBreak = (style: () => MarkdownStyle) =>
  HardBreak.extend({ renderMarkdown: () => `${style().hardBreak}\n` });

/** A table starts where its first line has a pipe and its second is a delimiter row. */
export function findTableStart(source: string): number {
  const firstEnd = source.indexOf('\n');
  if (firstEnd === -1) return -1;
  const secondEnd = source.indexOf('\n', firstEnd + 1);
  const delimiter = source.slice(firstEnd + 1, secondEnd === -1 ? source.length : secondEnd);
  if (!/^[ \t|:]*-[ \t|:-]*$/.test(delimiter) || !delimiter.includes('|')) return -1;
  return source.slice(0, firstEnd).includes('|') ? 0 : -1;
}

// The stock start() splits the whole remaining document into lines at every paragraph: quadratic.
// Written padded by display width (CJK, emoji) or compact, as the file's tables are.
const linearTable = (style: () => MarkdownStyle) =>
  Table.extend({
    markdownTokenizer: { ...Table.config.markdownTokenizer!, start: findTableStart },
    renderMarkdown: (node: JSONContent, helpers) =>
      formatTable(
        restoreNoBreakSpaces(renderTableToMarkdown(holdNoBreakSpaces(node), helpers)),
        style().table === 'padded',
      ),
  });

export { taskListRegion } from './extensions/taskList.js';

// TipTap's own ordered-list tokenizer also reads `A.`, `iv.` and `No.` as markers (CommonMark and
// GitHub only digits) and strips one space too few from an item's indented blocks (a fenced code
// block under "1. " gained a leading space): marked's CommonMark list tokenizer reads them instead,
// and its items go through ListItem, as a bullet list's do.
const DigitOrderedList = OrderedList.extend({
  markdownTokenizer: { ...OrderedList.config.markdownTokenizer!, tokenize: () => undefined },
  parseMarkdown: (token, helpers) => {
    if (token.type !== 'list' || !token.ordered) return [];
    const start = Number(token.start) || 1;
    return {
      type: 'orderedList',
      ...(start === 1 ? {} : { attrs: { start } }),
      content: helpers.parseChildren(token.items ?? []),
    };
  },
});

/** `style()`: the style new Markdown is written in, read at each render (the standard one by default). */
export function createMarkdownExtensions(style: () => MarkdownStyle = () => standardStyle): Extensions {
  return [
    ...styledExtensions(style),
    StarterKit.configure({
      document: false,
      bold: false,
      code: false,
      italic: false,
      strike: false,
      heading: false,
      horizontalRule: false,
      bulletList: false,
      listItem: false,
      orderedList: false,
      paragraph: false,
      // `++text++` is no Markdown anyone else reads: underline would not survive outside Specbench.
      underline: false,
      codeBlock: false,
      hardBreak: false,
      undoRedo: false,
      link: false,
    }),
    SafeLink.configure({ openOnClick: false, autolink: false, isAllowedUri: (url) => isAllowedLink(url) }),
    SpecDocument,
    InlineParagraph,
    fencedCodeBlock(style),
    styledHardBreak(style),
    TableKit.configure({ table: false }),
    linearTable(style),
    SafeImage.configure({ inline: true }),
    withLooseness(BulletList),
    withLooseness(DigitOrderedList),
    withLooseness(StateTaskList),
    Requirement,
    Reference,
    Callout,
    CalloutTitle,
    Details,
    DetailsSummary,
    WikiLink,
    Embed,
    RawBlock,
    RawInline,
  ];
}
