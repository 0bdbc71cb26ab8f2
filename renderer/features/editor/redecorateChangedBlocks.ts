/**
 * Decorations kept across keystrokes and looked at again only in the top-level blocks a transaction
 * touched: a set rebuilt from the whole document costs a long spec's every block per key, in the
 * plugin and again in the view, which compares each block's decorations.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transaction } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';

/** From the start of the first touched top-level block to the end of the last, or undefined. */
export function changedTopLevelRange(transaction: Transaction): { from: number; to: number } | undefined {
  const doc = transaction.doc;
  let from = doc.content.size;
  let to = 0;
  transaction.steps.forEach((step, index) => {
    const after = transaction.mapping.slice(index + 1);
    const ranges: [number, number][] = [];
    step.getMap().forEach((_oldStart, _oldEnd, newStart, newEnd) => ranges.push([newStart, newEnd]));
    if (ranges.length === 0) {
      // Steps that move nothing (marks, a node's attributes) still change what is there.
      const {
        from: stepFrom,
        to: stepTo,
        pos,
      } = step as unknown as { from?: number; to?: number; pos?: number };
      if (typeof pos === 'number') ranges.push([pos, pos + 1]);
      else if (typeof stepFrom === 'number' && typeof stepTo === 'number') ranges.push([stepFrom, stepTo]);
      else ranges.push([0, doc.content.size]);
    }
    for (const [start, end] of ranges) {
      from = Math.min(from, after.map(start, -1));
      to = Math.max(to, after.map(end, 1));
    }
  });
  if (from > to) return undefined;
  const start = doc.resolve(Math.min(from, doc.content.size));
  const end = doc.resolve(Math.min(to, doc.content.size));
  return {
    from: start.depth > 0 ? start.before(1) : from,
    to: end.depth > 0 ? end.after(1) : to,
  };
}

/** `decorations` mapped through the transaction, with those of the touched blocks made again by `decorate`. */
export function redecorateChangedBlocks(
  transaction: Transaction,
  decorations: DecorationSet,
  decorate: (doc: ProseMirrorNode, from: number, to: number) => Decoration[],
): DecorationSet {
  const doc = transaction.doc;
  const mapped = decorations.map(transaction.mapping, doc);
  const changed = changedTopLevelRange(transaction);
  if (!changed) return mapped;
  const { from, to } = changed;
  const stale = mapped.find(from, to).filter((decoration) => decoration.from >= from && decoration.to <= to);
  return mapped.remove(stale).add(doc, decorate(doc, from, to));
}
