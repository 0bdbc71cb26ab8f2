/**
 * A link by name, `[[Note]]`, `[[folder/Note#Heading|label]]`, `[[#Heading]]`, `[[Note#^block]]`:
 * an inline atom holding what it links to, and its source so an untouched link is written as it was.
 * `[[KEY]]` references are Specbench's own (reference.ts).
 */
import { Node, type JSONContent, type MarkdownToken } from '@tiptap/core';
import { findInlineStart } from '../../grammar/inlineStart.js';
import { formatWikiLink, wikiLinkAtStart, type NameLink } from '../../grammar/nameLinkGrammar.js';
import { dataAttribute, sourceAttribute } from './sourceAttribute.js';

/** The link a wikilink or embed node stands for. */
export function nameLinkOf(attrs: Record<string, unknown> | undefined, embed = false): NameLink {
  const link: NameLink = { target: String(attrs?.target ?? ''), form: 'wiki' };
  if (typeof attrs?.anchor === 'string') link.anchor = attrs.anchor;
  if (typeof attrs?.label === 'string') link.label = attrs.label;
  if (embed) link.embed = true;
  return link;
}

/** Node attributes for a link read from `raw`. */
export function nameLinkAttributes(raw: string, link: NameLink): Record<string, unknown> {
  return { target: link.target, anchor: link.anchor ?? null, label: link.label ?? null, source: raw };
}

/** The node's own source while it still says the same link, else the link written afresh. */
export function nameLinkMarkdown(node: JSONContent, embed: boolean): string {
  const link = nameLinkOf(node.attrs, embed);
  const source = typeof node.attrs?.source === 'string' ? node.attrs.source : '';
  const read = source === '' ? undefined : wikiLinkAtStart(source);
  if (
    read &&
    read.raw === source &&
    Boolean(read.link.embed) === embed &&
    read.link.target === link.target &&
    read.link.anchor === link.anchor &&
    read.link.label === link.label
  ) {
    return source;
  }
  return formatWikiLink(link);
}

/** Where a wikilink (`!` false) or an embed (`!` true) starts, for marked's `start` hook. */
export function findNameLinkStart(source: string, embed: boolean): number {
  return findInlineStart(source, embed ? /!/g : /\[/g, (text, index) => {
    if (!embed && text[index - 1] === '!') return false;
    const found = wikiLinkAtStart(text.slice(index));
    return found !== undefined && Boolean(found.link.embed) === embed;
  });
}

/** A marked tokenizer for wikilinks or embeds, producing atom tokens named after the node. */
export function nameLinkTokenizer(name: string, embed: boolean) {
  return {
    name,
    level: 'inline' as const,
    start: (source: string) => findNameLinkStart(source, embed),
    tokenize: (source: string) => {
      const found = wikiLinkAtStart(source);
      if (!found || Boolean(found.link.embed) !== embed) return undefined;
      return { type: name, raw: found.raw, link: found.link, sourceAtom: true } as MarkdownToken;
    },
  };
}

/**
 * The node for links by name (`embed` false) or embeds (`embed` true): an inline atom whose HTML is a
 * span marked with `marker` and holding the link's Markdown.
 */
export function nameLinkNode(name: string, embed: boolean, marker: string) {
  return Node.create({
    name,
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
      return [{ tag: `span[${marker}]` }];
    },

    renderHTML({ node, HTMLAttributes }) {
      return ['span', { [marker]: '', ...HTMLAttributes }, nameLinkMarkdown(node.toJSON(), embed)];
    },

    renderText({ node }) {
      return nameLinkMarkdown(node.toJSON() as JSONContent, embed);
    },

    markdownTokenizer: nameLinkTokenizer(name, embed),

    parseMarkdown: (token, helpers) => {
      const { raw, link } = token as MarkdownToken & { link: NameLink };
      return helpers.createNode(name, nameLinkAttributes(String(raw), link));
    },

    renderMarkdown: (node: JSONContent) => nameLinkMarkdown(node, embed),
  });
}

export const WikiLink = nameLinkNode('wikiLink', false, 'data-wiki-link');
