/**
 * The text read from disk put into the editor by replacing only the part that differs: replacing
 * the whole document moved the caret (to the end of another paragraph), so what a user typed next,
 * after another window's save reloaded this one, landed somewhere else. A caret outside the change
 * stays where it was in the same text.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState, Transaction } from '@tiptap/pm/state';

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
  return state.tr.replace(start, endA, next.slice(start, endB));
}
