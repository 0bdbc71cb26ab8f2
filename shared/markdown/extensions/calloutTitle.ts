/** A callout's title line, edited as rich text; empty, it shows the callout's type (see callout.ts). */
import { Node } from '@tiptap/core';

export const CalloutTitle = Node.create({
  name: 'calloutTitle',
  content: 'inline*',
  // Only a callout holds it, first.
  defining: true,
  selectable: false,

  parseHTML() {
    return [{ tag: 'div[data-callout-title]' }];
  },

  renderHTML() {
    return ['div', { 'data-callout-title': '' }, 0];
  },

  // The callout writes its title into its first line.
  renderMarkdown: (node, helpers) => helpers.renderChildren(node.content ?? []),
});
