/**
 * A foldable `<details>` block: its summary (a line of plain text, as GitHub shows a summary's HTML)
 * and its body of ordinary blocks. The codec reads it from the HTML around the body (detailsBlock.ts);
 * `open` is how the file wrote it, shown folded or not, never changed by folding it in the editor.
 */
import { Node, type JSONContent } from '@tiptap/core';
import { formatDetailsOpening, summaryOf } from '../detailsBlock.js';

export const Details = Node.create({
  name: 'details',
  group: 'block',
  content: 'detailsSummary block*',
  defining: true,

  addAttributes() {
    return {
      open: {
        default: false,
        parseHTML: (element) => element.hasAttribute('open'),
        renderHTML: (attributes: Record<string, unknown>) => (attributes.open === true ? { open: '' } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'details' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['details', HTMLAttributes, 0];
  },

  renderMarkdown: (node: JSONContent, helpers) => {
    const body = (node.content ?? []).slice(1);
    const inner = body.length > 0 ? helpers.renderChildren(body, '\n\n') : '';
    const opening = formatDetailsOpening(node.attrs?.open === true, summaryOf(node));
    return inner === '' ? `${opening}\n\n</details>` : `${opening}\n\n${inner}\n\n</details>`;
  },
});

export const DetailsSummary = Node.create({
  name: 'detailsSummary',
  content: 'text*',
  marks: '',
  defining: true,
  selectable: false,

  parseHTML() {
    return [{ tag: 'summary' }, { tag: 'div[data-details-summary]' }];
  },

  // A div, not a summary: outside a real <details> the browser would give a summary its own behaviour.
  renderHTML() {
    return ['div', { 'data-details-summary': '' }, 0];
  },

  // The details block writes its summary into its opening.
  renderMarkdown: (node, helpers) => helpers.renderChildren(node.content ?? []),
});
