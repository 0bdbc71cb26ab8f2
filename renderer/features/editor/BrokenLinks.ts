/**
 * Markdown links into the workspace whose target is not there (`[x](../missing.md)`, `/docs/x.md`
 * with no such file) look broken in the body, as the Links panel lists them ("Not found in this
 * workspace"), instead of passing for links that work. The check is the page's, read at each use;
 * the page dispatches `refreshBrokenLinks` when the workspace's files change.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { redecorateChangedBlocks } from './redecorateChangedBlocks.js';

export const brokenLinksKey = new PluginKey<DecorationSet>('brokenLinks');

/** Marks the links again: the files they may point to changed. */
export function refreshBrokenLinks(transaction: Transaction): Transaction {
  return transaction.setMeta(brokenLinksKey, true);
}

export function brokenLinkDecorations(
  doc: ProseMirrorNode,
  problemOf: (href: string) => string | undefined,
  from = 0,
  to = doc.content.size,
): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, position) => {
    if (!node.isText) return true;
    const link = node.marks.find((mark) => mark.type.name === 'link');
    const problem = link && problemOf(String(link.attrs.href ?? ''));
    if (problem)
      decorations.push(
        Decoration.inline(position, position + node.nodeSize, { class: 'broken-link', title: problem }),
      );
    return false;
  });
  return decorations;
}

export const BrokenLinks = Extension.create<{ problemOf: (href: string) => string | undefined }>({
  name: 'brokenLinks',
  addOptions: () => ({ problemOf: () => undefined }),
  addProseMirrorPlugins() {
    const decorate = (doc: ProseMirrorNode, from?: number, to?: number) =>
      brokenLinkDecorations(doc, this.options.problemOf, from, to);
    return [
      new Plugin<DecorationSet>({
        key: brokenLinksKey,
        state: {
          init: (_config, state) => DecorationSet.create(state.doc, decorate(state.doc)),
          apply: (tr, previous) => {
            if (tr.getMeta(brokenLinksKey)) return DecorationSet.create(tr.doc, decorate(tr.doc));
            return tr.docChanged ? redecorateChangedBlocks(tr, previous, decorate) : previous;
          },
        },
        props: { decorations: (state) => brokenLinksKey.getState(state) },
      }),
    ];
  },
});
