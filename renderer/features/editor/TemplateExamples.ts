/**
 * Marks the blocks of a section that still holds only its template's example (a sample sentence,
 * an empty table's header, a sample question), so they read as guidance until the author writes.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { documentSections, hasWords } from './templateSections.js';

export const templateExamplesKey = new PluginKey<DecorationSet>('templateExamples');

interface TemplateExamplesOptions {
  /** The open document's template examples, read on every change (the document's type can change). */
  examples: () => ReadonlyMap<string, string> | undefined;
}

export function exampleDecorations(
  doc: ProseMirrorNode,
  examples: ReadonlyMap<string, string> | undefined,
): DecorationSet {
  if (!examples || examples.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const section of documentSections(doc, examples)) {
    if (!section.example) continue;
    // Guidance stays as it is; the label goes on the first block of the example itself.
    section.blocks
      .filter(({ node }) => hasWords(node))
      .forEach(({ node, pos }, index) => {
        const attributes: Record<string, string> = { class: 'template-example' };
        if (index === 0) attributes['data-template-example'] = 'first';
        decorations.push(Decoration.node(pos, pos + node.nodeSize, attributes));
      });
  }
  return DecorationSet.create(doc, decorations);
}

export const TemplateExamples = Extension.create<TemplateExamplesOptions>({
  name: 'templateExamples',

  addOptions() {
    return { examples: () => undefined };
  },

  addProseMirrorPlugins() {
    const { examples } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: templateExamplesKey,
        state: {
          init: (_config, state) => exampleDecorations(state.doc, examples()),
          apply: (transaction, decorations, _old, state) =>
            transaction.docChanged || transaction.getMeta(templateExamplesKey) !== undefined
              ? exampleDecorations(state.doc, examples())
              : decorations.map(transaction.mapping, state.doc),
        },
        props: {
          decorations: (state) => templateExamplesKey.getState(state),
        },
      }),
    ];
  },
});
