/**
 * `[text](address)` typed by hand becomes a link, as in Obsidian and Typora (bold, italic, code,
 * headings, lists and quotes typed as Markdown already turn into what they mean through TipTap's
 * own input rules). An address outside the allowlist stays plain text. `[[REQ-4]]` and `[[Note]]`
 * typed to the end (faster than the autocomplete, or past it) become the link they spell, not
 * text saved with escaped brackets.
 */
import { Extension, InputRule } from '@tiptap/core';
import { referenceAtStart, referenceFromMatch } from '../../../shared/grammar/linkGrammar.js';
import { wikiLinkAtStart } from '../../../shared/grammar/nameLinkGrammar.js';
import { isAllowedLink } from '../../../shared/markdown/markdownExtensions.js';
import { nameLinkAttributes } from '../../../shared/markdown/extensions/wikiLink.js';

const typedLink = /(?:^|[^!\\])\[([^[\]\n]+)\]\(([^()\s]+)\)$/;
/** `[[…]]` just closed, not an embed (`![[…]]`) and not escaped. */
const typedDoubleBracket = /(?:^|[^!\\])(\[\[[^[\]\n]+\]\])$/;

export const MarkdownLinkInputRule = Extension.create({
  name: 'markdownLinkInputRule',

  addInputRules() {
    return [
      new InputRule({
        find: typedDoubleBracket,
        handler: ({ state, range, match }) => {
          const raw = match[1]!;
          const from = range.to - raw.length;
          const { reference, wikiLink } = state.schema.nodes;
          const key = referenceAtStart.exec(raw);
          if (key && key[0] === raw && reference) {
            const value = referenceFromMatch(key);
            const attrs = { target: value.target, anchor: value.anchor ?? null, label: value.label ?? null };
            state.tr.replaceWith(from, range.to, reference.create(attrs));
            return undefined;
          }
          const name = wikiLinkAtStart(raw);
          if (!name || name.raw !== raw || !wikiLink) return null;
          state.tr.replaceWith(from, range.to, wikiLink.create(nameLinkAttributes(raw, name.link)));
          return undefined;
        },
      }),
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
