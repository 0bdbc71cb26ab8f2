/** A `[[KEY]]`, `[[KEY|label]]` or `[[KEY#anchor]]` reference: an inline atom storing the key, not a title. */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { findInlineStart } from '../../grammar/inlineStart.js';
import {
  formatReference,
  referenceAtStart,
  referenceFromMatch,
  type Reference as ReferenceValue,
} from '../../grammar/linkGrammar.js';

export function referenceOf(attrs: Record<string, unknown> | undefined): ReferenceValue {
  const reference: ReferenceValue = { target: String(attrs?.target ?? '') };
  if (typeof attrs?.anchor === 'string') reference.anchor = attrs.anchor;
  if (typeof attrs?.label === 'string') reference.label = attrs.label;
  return reference;
}

const bracket = /\[/g;

/** The first position where a reference starts, or a cut before which none does (see inlineStart.ts). */
export function findReferenceStart(source: string): number {
  return findInlineStart(source, bracket, (text, index) => referenceAtStart.test(text.slice(index)));
}

const textAttribute = (name: string) => ({
  default: null,
  parseHTML: (element: { getAttribute(name: string): string | null }) => element.getAttribute(`data-${name}`),
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes[name] === null ? {} : { [`data-${name}`]: attributes[name] },
});

export const Reference = Node.create({
  name: 'reference',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      target: textAttribute('target'),
      anchor: textAttribute('anchor'),
      label: textAttribute('label'),
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-reference]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', { 'data-reference': '', ...HTMLAttributes }, formatReference(referenceOf(node.attrs))];
  },

  renderText({ node }) {
    return formatReference(referenceOf(node.attrs));
  },

  markdownTokenizer: {
    name: 'reference',
    level: 'inline',
    start: (source: string) => findReferenceStart(source),
    tokenize: (source) => {
      const match = referenceAtStart.exec(source);
      if (!match) return undefined;
      return { type: 'reference', raw: match[0], reference: referenceFromMatch(match) } as MarkdownToken;
    },
  },

  parseMarkdown: (token, helpers) => {
    const reference = (token as MarkdownToken & { reference: ReferenceValue }).reference;
    return helpers.createNode('reference', {
      target: reference.target,
      anchor: reference.anchor ?? null,
      label: reference.label ?? null,
    });
  },

  renderMarkdown: (node: JSONContent) => formatReference(referenceOf(node.attrs)),
});
