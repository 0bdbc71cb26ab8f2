/** A node view's React component re-renders when its node's attributes change, not when text inside it does. */
import type { ReactNodeViewRendererOptions } from '@tiptap/react';

// Each React commit while the editor has focus walks the whole editor DOM to save and restore the selection.
export const rerenderOnAttributeChange: NonNullable<ReactNodeViewRendererOptions['update']> = ({
  oldNode,
  newNode,
  updateProps,
}) => {
  if (!newNode.sameMarkup(oldNode)) updateProps();
  return true;
};
