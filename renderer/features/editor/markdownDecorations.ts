/**
 * `==highlights==`, `#tags` and text between inline HTML tags (`<kbd>`, `<sub>`, `<span>`…), shown as
 * what they mean while their characters stay plain text: typing in them changes the file by exactly
 * what was typed, and the markers and tags stay visible, dimmed.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { highlightPattern, tagPattern } from '../../../shared/grammar/inlineMarkers.js';
import { inlineHtmlTag, pairInlineHtml } from '../../../shared/markdown/inlineHtml.js';
import { redecorateChangedBlocks } from './redecorateChangedBlocks.js';

export const markdownDecorationsKey = new PluginKey<DecorationSet>('markdownDecorations');

/** The decorations of the textblocks between `from` and `to` (the whole document by default). */
export function markdownDecorations(doc: ProseMirrorNode, from = 0, to = doc.content.size): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, position) => {
    if (node.type.spec.code) return false;
    if (!node.isTextblock) return true;
    decorateInlineHtml(node, position, decorations);
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
  return decorations;
}

/** Text between paired inline tags shown as their element (`<kbd>Ctrl</kbd>` as a key), the tags dimmed. */
function decorateInlineHtml(block: ProseMirrorNode, position: number, decorations: Decoration[]): void {
  const starts: number[] = [];
  const sources: (string | undefined)[] = [];
  block.forEach((child, offset) => {
    starts.push(position + 1 + offset);
    sources.push(child.type.name === 'rawInline' ? String(child.attrs.source ?? '') : undefined);
  });
  if (!sources.some((source) => source !== undefined)) return;
  for (const [open, close] of pairInlineHtml(sources)) {
    const name = inlineHtmlTag(sources[open]!)!.name;
    decorations.push(
      Decoration.node(starts[open]!, starts[open]! + 1, { class: 'md-html-tag' }),
      Decoration.node(starts[close]!, starts[close]! + 1, { class: 'md-html-tag' }),
    );
    if (starts[close]! > starts[open]! + 1)
      decorations.push(
        Decoration.inline(starts[open]! + 1, starts[close]!, { nodeName: name, class: 'md-html' }),
      );
  }
}

export const MarkdownDecorations = Extension.create({
  name: 'markdownDecorations',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: markdownDecorationsKey,
        state: {
          init: (_config, state) => DecorationSet.create(state.doc, markdownDecorations(state.doc)),
          apply: (tr, previous) =>
            tr.docChanged ? redecorateChangedBlocks(tr, previous, markdownDecorations) : previous,
        },
        props: {
          decorations: (state) => markdownDecorationsKey.getState(state),
        },
      }),
    ];
  },
});
