/**
 * `dir="auto"` on every block the author writes in (paragraphs, headings, list items), so a Hebrew or
 * Arabic line reads right to left while an English one beside it stays left to right. Decorations,
 * not attributes: the document's JSON, and so what is saved, never changes.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { redecorateChangedBlocks } from './redecorateChangedBlocks.js';

export const textDirectionKey = new PluginKey<DecorationSet>('blockTextDirection');

const listItems = new Set(['listItem', 'taskItem']);
const lists = new Set(['bulletList', 'orderedList', 'taskList']);
const automatic = { dir: 'auto' };

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, … and their presentation forms). */
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Whether any text in the block, or any source an atom shows, holds a right-to-left letter. */
function holdsRightToLeft(block: ProseMirrorNode): boolean {
  let found = false;
  block.descendants((node) => {
    const text = node.isText ? node.text : node.attrs.source;
    if (typeof text === 'string' && rightToLeft.test(text)) found = true;
    return !found;
  });
  return found;
}

/** Whether the first letter of the node's text is a right-to-left one: the node then reads right to left. */
export function startsRightToLeft(node: ProseMirrorNode): boolean {
  let first: boolean | undefined;
  node.descendants((child) => {
    if (first !== undefined) return false;
    const text = child.isText ? child.text : undefined;
    const letter = text === undefined ? undefined : /\p{L}/u.exec(text)?.[0];
    if (letter !== undefined) first = rightToLeft.test(letter);
    return first === undefined;
  });
  return first === true;
}

const rightToLeftList = { dir: 'rtl' };

/**
 * The decorations for the nodes between `from` and `to` (the whole document by default). A top-level
 * block without a right-to-left letter reads left to right with or without `dir="auto"` (the editor
 * is left to right), so it gets none: a node decoration on every top-level block made each keystroke
 * cost blocks² in ProseMirror's view update (each child scans the root's decorations).
 */
export function directionDecorations(doc: ProseMirrorNode, from = 0, to = doc.content.size): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
    if (parent === doc && !holdsRightToLeft(node)) return false;
    // A list whose first words are Hebrew or Arabic puts its bullets and numbers on the right.
    if (lists.has(node.type.name) && pos >= from && pos + node.nodeSize <= to && startsRightToLeft(node))
      decorations.push(Decoration.node(pos, pos + node.nodeSize, rightToLeftList));
    // A list item takes one direction for its bullet and text; its paragraphs follow it.
    const decorated = listItems.has(node.type.name)
      ? true
      : node.isTextblock && !node.type.spec.code && !(parent && listItems.has(parent.type.name));
    if (decorated && pos >= from && pos + node.nodeSize <= to) {
      decorations.push(Decoration.node(pos, pos + node.nodeSize, automatic));
    }
    return !node.isTextblock;
  });
  return decorations;
}

export function textDirectionPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: textDirectionKey,
    state: {
      init: (_config, state) => DecorationSet.create(state.doc, directionDecorations(state.doc)),
      apply: (transaction, decorations) =>
        transaction.docChanged
          ? redecorateChangedBlocks(transaction, decorations, directionDecorations)
          : decorations,
    },
    props: {
      decorations: (state) => textDirectionKey.getState(state),
    },
  });
}

export const TextDirection = Extension.create({
  // Not 'textDirection': TipTap's core has an extension of that name (a dir attribute saved in the nodes).
  name: 'blockTextDirection',
  addProseMirrorPlugins: () => [textDirectionPlugin()],
});
