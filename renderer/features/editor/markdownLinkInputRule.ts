/**
 * `[text](address)` typed by hand becomes a link, as in Obsidian and Typora (bold, italic, code,
 * headings, lists and quotes typed as Markdown already turn into what they mean through TipTap's
 * own input rules). An address outside the allowlist stays plain text.
 */
import { Extension, InputRule } from '@tiptap/core';
import { isAllowedLink } from '../../../shared/markdown/markdownExtensions.js';

const typedLink = /(?:^|[^!\\])\[([^[\]\n]+)\]\(([^()\s]+)\)$/;

export const MarkdownLinkInputRule = Extension.create({
  name: 'markdownLinkInputRule',

  addInputRules() {
    return [
      new InputRule({
        find: typedLink,
        handler: ({ state, range, match }) => {
          const [whole, text, href] = match as unknown as [string, string, string];
          const link = state.schema.marks.link;
          if (!link || !isAllowedLink(href)) return null;
          // The match may start with the character before the bracket: keep it.
          const from = range.from + whole.indexOf('[');
          const marks = state.doc
            .resolve(from)
            .marks()
            .filter((mark) => mark.type !== link);
          state.tr.replaceWith(from, range.to, state.schema.text(text, [...marks, link.create({ href })]));
          state.tr.removeStoredMark(link);
          return undefined;
        },
      }),
    ];
  },
});
