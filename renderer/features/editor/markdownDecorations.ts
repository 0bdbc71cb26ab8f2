/**
 * `==highlights==` and `#tags` in text, shown as what they mean while their characters stay plain
 * text: typing in them changes the file by exactly what was typed, and the markers stay visible, dimmed.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { highlightPattern, tagPattern } from '../../../shared/grammar/inlineMarkers.js';

function decorate(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, position) => {
    if (node.type.spec.code) return false;
    if (!node.isTextblock) return true;
    // Text runs of the block, code spans left out, each searched on its own.
    node.forEach((child, offset) => {
      if (!child.isText || child.marks.some((mark) => mark.type.name === 'code')) return;
      const text = child.text ?? '';
      const start = position + 1 + offset;
      for (const match of text.matchAll(highlightPattern())) {
        const from = start + match.index;
        const to = from + match[0].length;
        decorations.push(
          Decoration.inline(from, from + 2, { class: 'md-marker' }),
          Decoration.inline(from + 2, to - 2, { class: 'md-highlight' }),
          Decoration.inline(to - 2, to, { class: 'md-marker' }),
        );
      }
      for (const match of text.matchAll(tagPattern())) {
        const from = start + match.index + match[1]!.length;
        decorations.push(Decoration.inline(from, from + match[2]!.length, { class: 'md-tag' }));
      }
    });
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const MarkdownDecorations = Extension.create({
  name: 'markdownDecorations',
  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('markdownDecorations');
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
        },
        props: {
          decorations: (state) => key.getState(state),
        },
      }),
    ];
  },
});
