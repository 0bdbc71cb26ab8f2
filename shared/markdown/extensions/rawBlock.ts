/**
 * A block the editor does not model (HTML, definitions, footnotes, math, callouts, comments, or
 * anything whose round trip is unsafe), kept byte for byte as an atom and shown as editable source.
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { dataAttribute, sourceAttribute } from './sourceAttribute.js';

export const RawBlock = Node.create({
  name: 'rawBlock',
  group: 'block',
  atom: true,
  selectable: true,
  // Marked's block HTML tokens land here when they sit inside a list item or quote.
  markdownTokenName: 'html',

  addAttributes() {
    // Why the codec keeps the block as source, said beside it; null where the reader has not said.
    return { source: sourceAttribute, reason: dataAttribute('reason') };
  },

  parseHTML() {
    return [{ tag: 'pre[data-raw-block]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['pre', { 'data-raw-block': '', ...HTMLAttributes }, String(node.attrs.source)];
  },

  parseMarkdown: (token: MarkdownToken, helpers) =>
    token.block === false
      ? []
      : helpers.createNode('rawBlock', { source: String(token.raw ?? '').replace(/\n+$/, '') }),

  renderMarkdown: (node: JSONContent) => String(node.attrs?.source ?? ''),
});
