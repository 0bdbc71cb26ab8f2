/**
 * The text read from disk put into the editor by replacing only the part that differs: replacing
 * the whole document moved the caret (to the end of another paragraph), so what a user typed next,
 * after another window's save reloaded this one, landed somewhere else. A caret outside the change
 * stays where it was in the same text.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

/** The transaction that turns the editor's document into `next`, or undefined when they are the same. */
export function replaceChangedContent(
  state: EditorState,
  reloaded: ProseMirrorNode,
): Transaction | undefined {
  const { doc } = state;
  // The editor keeps an empty paragraph after a closing list or table to type into; the text read has
  // none. Compared without it, the change ran to the end of the document and took the caret there.
  const trailing = doc.lastChild;
  const next =
    trailing?.isTextblock && trailing.content.size === 0 && !reloaded.lastChild?.eq(trailing)
      ? reloaded.copy(reloaded.content.addToEnd(trailing))
      : reloaded;
  const start = doc.content.findDiffStart(next.content);
  if (start === null) return undefined;
  let { a: endA, b: endB } = doc.content.findDiffEnd(next.content)!;
  // A repeated run (typing "aa" after "a") lets the two ends overlap the start: move them past it.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const $start = doc.resolve(start);
  const $endA = doc.resolve(endA);
  const $startB = next.resolve(start);
  const $endB = next.resolve(endB);
  if ($start.parent.isTextblock && $start.sameParent($endA) && $startB.sameParent($endB)) {
    return state.tr.replace(start, endA, next.slice(start, endB));
  }
  // Changes in two blocks (a link rewritten in a table cell and an image path further down, by a
  // move) gave a range that starts deep in the table and ends in a later paragraph: replacing it
  // poured every block between into the cell. Whole top-level blocks are replaced instead; the text
  // before and after them is the same in both, so a caret there keeps its place.
  const from = $start.depth === 0 ? start : $start.before(1);
  const toA = $endA.depth === 0 ? endA : $endA.after(1);
  const toB = $endB.depth === 0 ? endB : $endB.after(1);
  const transaction = state.tr.replace(from, toA, next.slice(from, toB));
  const caret = state.selection.from;
  if (state.selection.empty && (caret < start || caret > endA)) {
    const kept = caret < start ? caret : caret - endA + endB;
    transaction.setSelection(TextSelection.near(transaction.doc.resolve(kept)));
  }
  return transaction;
}
