/**
 * Code inside a link (`` [`foo`](url) ``, as RFCs and API docs write it). A character typed right
 * after such a link is plain text after the link, as after any link: it would otherwise keep the
 * code mark alone (code is inclusive, a link is not) and be written as a code span of its own.
 */
import { Code } from '@tiptap/extension-code';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** The marks a character typed at `position` takes: the text's before it, but no code that ends with a link. */
export function typingMarks(doc: ProseMirrorNode, position: number): readonly Mark[] {
  const $position = doc.resolve(position);
  const marks = $position.marks();
  const before = $position.nodeBefore;
  const endsLink =
    before?.marks.some((mark) => mark.type.name === 'link') &&
    !marks.some((mark) => mark.type.name === 'link');
  return endsLink ? marks.filter((mark) => mark.type.name !== 'code') : marks;
}

const typingAfterLink = new Plugin({
  key: new PluginKey('codeInLinkTyping'),
  props: {
    handleTextInput(view, from, to, text) {
      const { state } = view;
      if (from !== to || state.storedMarks) return false;
      const marks = typingMarks(state.doc, from);
      if (marks.length === state.doc.resolve(from).marks().length) return false;
      view.dispatch(state.tr.setStoredMarks(marks).insertText(text, from, to));
      return true;
    },
  },
});

/** Code beside bold, emphasis and links (GitHub shows all three), typed after a link as plain text. */
export const CodeInLink = Code.extend({
  excludes: 'code',
  addProseMirrorPlugins() {
    return [...(this.parent?.() ?? []), typingAfterLink];
  },
});
