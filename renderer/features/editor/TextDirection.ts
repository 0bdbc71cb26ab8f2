/**
 * `dir="auto"` on every block the author writes in (paragraphs, headings, list items), so a Hebrew or
 * Arabic line reads right to left while an English one beside it stays left to right. Decorations,
 * not attributes: the document's JSON, and so what is saved, never changes.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const textDirectionKey = new PluginKey<DecorationSet>('blockTextDirection');

const listItems = new Set(['listItem', 'taskItem']);
const automatic = { dir: 'auto' };

/** The decorations for the nodes between `from` and `to` (the whole document by default). */
export function directionDecorations(doc: ProseMirrorNode, from = 0, to = doc.content.size): Decoration[] {
  const decorations: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
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

/** Only the top-level blocks a change touched are looked at again: typing stays cheap in long specs. */
function update(transaction: Transaction, decorations: DecorationSet): DecorationSet {
  const doc = transaction.doc;
  let from = doc.content.size;
  let to = 0;
  transaction.mapping.maps.forEach((map, index) => {
    const after = transaction.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, after.map(newStart, -1));
      to = Math.max(to, after.map(newEnd, 1));
    });
  });
  const mapped = decorations.map(transaction.mapping, doc);
  if (from > to) return mapped;
  // Widen to whole top-level blocks.
  const start = doc.resolve(Math.min(from, doc.content.size));
  const end = doc.resolve(Math.min(to, doc.content.size));
  from = start.depth > 0 ? start.before(1) : from;
  to = end.depth > 0 ? end.after(1) : to;
  const stale = mapped.find(from, to).filter((decoration) => decoration.from >= from && decoration.to <= to);
  return mapped.remove(stale).add(doc, directionDecorations(doc, from, to));
}

export function textDirectionPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: textDirectionKey,
    state: {
      init: (_config, state) => DecorationSet.create(state.doc, directionDecorations(state.doc)),
      apply: (transaction, decorations) =>
        transaction.docChanged ? update(transaction, decorations) : decorations,
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
