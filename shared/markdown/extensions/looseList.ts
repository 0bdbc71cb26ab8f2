/**
 * Loose lists (items set apart by blank lines, as most RFCs and READMEs write them): a list node's
 * `loose` attribute, read from the lexer and written back as blank lines between items, so such a
 * list is modelled and edited as a list instead of kept as source.
 */
import { type JSONContent, type MarkdownToken, type Node } from '@tiptap/core';
import { Lexer } from 'marked';

/** Whether marked's list token is loose; TipTap's own list tokenizers do not say, so their source is lexed. */
export function isLooseListToken(token: MarkdownToken): boolean {
  if (typeof token.loose === 'boolean') return token.loose;
  const raw = String(token.raw ?? '');
  if (!/\n[ \t]*\n[\s\S]*\S/.test(raw)) return false;
  const list = new Lexer({ gfm: true })
    .blockTokens(raw.replace(/^\n+/, ''), [])
    .find((each) => each.type === 'list');
  return list?.type === 'list' && list.loose === true;
}

type Handler = (...args: unknown[]) => unknown;

/** `list` with a `loose` attribute: set from the token it parses, written as blank lines between items. */
export function withLooseness<Options, Storage>(list: Node<Options, Storage>): Node<Options, Storage> {
  return list.extend({
    addAttributes() {
      return {
        ...(this.parent as (() => Record<string, unknown>) | undefined)?.(),
        loose: {
          default: false,
          parseHTML: (element) => element.hasAttribute('data-loose'),
          renderHTML: (attributes) => (attributes.loose ? { 'data-loose': '' } : {}),
        },
      };
    },
    parseMarkdown(token: MarkdownToken, helpers) {
      const parsed = (this.parent as Handler)(token, helpers) as JSONContent | JSONContent[];
      if (Array.isArray(parsed) || !isLooseListToken(token)) return parsed;
      return { ...parsed, attrs: { ...parsed.attrs, loose: true } };
    },
    renderMarkdown(node: JSONContent, helpers, context) {
      if (!node.attrs?.loose || !node.content)
        return (this.parent as Handler)(node, helpers, context) as string;
      return helpers.renderChildren(node.content, '\n\n');
    },
  });
}
