/**
 * A callout or GitHub alert, `> [!type]fold Title` then quoted body lines: its type and fold are
 * attributes, its title a rich-text line (calloutTitle), its body ordinary blocks (callouts nest).
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { type TokenizerExtension, type Token } from 'marked';
import { findCalloutStart, formatCalloutHeader, matchCallout } from '../../grammar/calloutGrammar.js';

interface CalloutToken {
  type: 'callout';
  raw: string;
  calloutType: string;
  fold: string;
  titleSpace: string;
  /** A blank quoted line between the title and the body. */
  gap: boolean;
  blockId?: string;
  titleTokens: Token[];
  tokens: Token[];
}

/** The marked extension that reads callouts; the codec and the export both register it. */
export function calloutTokenizer(): TokenizerExtension {
  return {
    name: 'callout',
    level: 'block',
    start(source) {
      const index = findCalloutStart(source);
      return index === -1 ? undefined : index;
    },
    tokenizer(source) {
      const match = matchCallout(source);
      if (!match) return undefined;
      const lexer = this.lexer;
      const titleTokens: Token[] = [];
      lexer.inline(match.title, titleTokens);
      const top = lexer.state.top;
      lexer.state.top = true;
      const gap = /^[ \t]*\n/.test(match.body);
      const tokens = match.body.trim() === '' ? [] : lexer.blockTokens(match.body, []);
      lexer.state.top = top;
      const raw = source.startsWith('\n', match.raw.length) ? `${match.raw}\n` : match.raw;
      const token: CalloutToken = {
        type: 'callout',
        raw,
        calloutType: match.type,
        fold: match.fold,
        titleSpace: match.titleSpace,
        gap,
        titleTokens,
        tokens,
      };
      if (match.blockId !== undefined) token.blockId = match.blockId;
      return token;
    },
  };
}

/** Quotes every line of `text` (`>` alone on an empty line). */
function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: 'calloutTitle block*',
  defining: true,
  markdownTokenName: 'callout',

  addAttributes() {
    return {
      type: {
        default: 'note',
        parseHTML: (element) => element.getAttribute('data-callout') ?? 'note',
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-callout': attributes.type }),
      },
      fold: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-fold') ?? '',
        renderHTML: (attributes: Record<string, unknown>) =>
          attributes.fold === '' ? {} : { 'data-fold': attributes.fold },
      },
      // How the file wrote it, kept so an edit changes only what was edited.
      titleSpace: { default: ' ', rendered: false },
      gap: { default: false, rendered: false },
      blockId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-block-id'),
        renderHTML: (attributes: Record<string, unknown>) =>
          attributes.blockId ? { 'data-block-id': attributes.blockId } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-callout]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', HTMLAttributes, 0];
  },

  parseMarkdown: (token, helpers) => {
    const callout = token as unknown as CalloutToken;
    // The title first: the codec records each textblock's inline tokens in document order.
    const title = helpers.parseInline(callout.titleTokens as MarkdownToken[]);
    const body = helpers.parseChildren(callout.tokens as MarkdownToken[]);
    const attributes: Record<string, unknown> = { type: callout.calloutType, fold: callout.fold };
    if (callout.titleSpace !== ' ') attributes.titleSpace = callout.titleSpace;
    if (callout.gap) attributes.gap = true;
    if (callout.blockId !== undefined) attributes.blockId = callout.blockId;
    return helpers.createNode('callout', attributes, [
      helpers.createNode('calloutTitle', undefined, title),
      ...body,
    ]);
  },

  renderMarkdown: (node: JSONContent, helpers) => {
    const [title, ...body] = node.content ?? [];
    const titleText = title?.content ? helpers.renderChildren(title.content) : '';
    const header = formatCalloutHeader(
      String(node.attrs?.type ?? 'note'),
      String(node.attrs?.fold ?? ''),
      titleText.replace(/\n/g, ' '),
      typeof node.attrs?.titleSpace === 'string' && node.attrs.titleSpace !== ''
        ? node.attrs.titleSpace
        : ' ',
    );
    const inner = body.length > 0 ? helpers.renderChildren(body, '\n\n') : '';
    const gap = node.attrs?.gap === true && inner !== '' ? '\n' : '';
    const quoted = quoteLines(inner === '' ? header : `${header}\n${gap}${inner}`);
    return typeof node.attrs?.blockId === 'string' && node.attrs.blockId !== ''
      ? `${quoted}\n^${node.attrs.blockId}`
      : quoted;
  },
});
