/**
 * Marks the text that open review threads quote (a comment on "Forced registration"), so a reader
 * sees in the document what each comment is about; refreshed when the threads change.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const commentQuotesKey = new PluginKey<DecorationSet>('commentQuotes');

interface CommentQuotesOptions {
  /** The quoted texts of the open document's unresolved threads. */
  quotes: () => readonly string[];
}

/** Each occurrence of each quote inside one text block (its text nodes joined), as inline decorations. */
export function quoteDecorations(doc: ProseMirrorNode, quotes: readonly string[]): DecorationSet {
  const wanted = quotes.map((quote) => quote.trim()).filter((quote) => quote !== '');
  if (wanted.length === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((block, blockPos) => {
    if (!block.isTextblock) return true;
    let text = '';
    const starts: { offset: number; pos: number }[] = [];
    block.forEach((child, offset) => {
      if (!child.isText) return;
      starts.push({ offset: text.length, pos: blockPos + 1 + offset });
      text += child.text ?? '';
    });
    const positionOf = (at: number) => {
      const start = starts.findLast((entry) => entry.offset <= at) ?? starts[0]!;
      return start.pos + (at - start.offset);
    };
    for (const quote of wanted) {
      for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + quote.length)) {
        decorations.push(
          Decoration.inline(positionOf(at), positionOf(at + quote.length), {
            nodeName: 'mark',
            class: 'comment-quote',
          }),
        );
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const CommentQuotes = Extension.create<CommentQuotesOptions>({
  name: 'commentQuotes',

  addOptions() {
    return { quotes: () => [] };
  },

  addProseMirrorPlugins() {
    const { quotes } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentQuotesKey,
        state: {
          init: (_config, state) => quoteDecorations(state.doc, quotes()),
          apply: (transaction, decorations, _old, state) =>
            transaction.docChanged || transaction.getMeta(commentQuotesKey) !== undefined
              ? quoteDecorations(state.doc, quotes())
              : decorations.map(transaction.mapping, state.doc),
        },
        props: {
          decorations: (state) => commentQuotesKey.getState(state),
        },
      }),
    ];
  },
});
