/**
 * An embed, `![[image.png|300]]`, `![[Note]]`, `![[Note#Heading]]`: an inline atom holding what it
 * shows (an image, or a note or section transcluded read-only) and its source.
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { type NameLink } from '../../grammar/nameLinkGrammar.js';
import { dataAttribute, sourceAttribute } from './sourceAttribute.js';
import { nameLinkAttributes, nameLinkMarkdown, nameLinkTokenizer } from './wikiLink.js';

/** `300` or `300x200` after the bar: an image's width (and height) in pixels. */
export function embedSize(label: string | null | undefined): { width: number; height?: number } | undefined {
  const match = /^\s*(\d{1,5})(?:\s*x\s*(\d{1,5}))?\s*$/.exec(label ?? '');
  if (!match) return undefined;
  return match[2] === undefined
    ? { width: Number(match[1]) }
    : { width: Number(match[1]), height: Number(match[2]) };
}

export const Embed = Node.create({
  name: 'embed',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      target: dataAttribute('target'),
      anchor: dataAttribute('anchor'),
      label: dataAttribute('label'),
      source: sourceAttribute,
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-embed]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['span', { 'data-embed': '', ...HTMLAttributes }, nameLinkMarkdown(node.toJSON(), true)];
  },

  renderText({ node }) {
    return nameLinkMarkdown(node.toJSON() as JSONContent, true);
  },

  markdownTokenizer: nameLinkTokenizer('embed', true),

  parseMarkdown: (token, helpers) => {
    const { raw, link } = token as MarkdownToken & { link: NameLink };
    return helpers.createNode('embed', nameLinkAttributes(String(raw), link));
  },

  renderMarkdown: (node: JSONContent) => nameLinkMarkdown(node, true),
});
