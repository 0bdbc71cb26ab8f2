/**
 * Keeps React from measuring and restoring the editor's selection at each of its commits. With the
 * focus in a contenteditable, React reads the selection as character offsets from the editable's
 * start before every commit, walking the editable's whole DOM, and writes it back afterwards if the
 * focus moved (facebook/react#1350): in a 5,000-line spec that is a walk of some 100,000 nodes per
 * commit, and a save alone commits three times (Unsaved, Saving…, Saved). ProseMirror owns this
 * selection and restores it itself, so React is told the editor root is not an editable of its own:
 * React asks `element.contentEditable === 'true'`. The attribute, which the browser edits by, is
 * untouched, and `isContentEditable` still answers truly.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** What the editor root's `contentEditable` property answers while it is editable. */
export const hiddenEditable = 'inherit';

export function hideEditableFromReact(root: HTMLElement): () => void {
  Object.defineProperty(root, 'contentEditable', {
    configurable: true,
    get: () => (root.getAttribute('contenteditable') === 'false' ? 'false' : hiddenEditable),
    set: (value: string) => root.setAttribute('contenteditable', value),
  });
  return () => {
    delete (root as { contentEditable?: string }).contentEditable;
  };
}

export const ReactSelectionOptOut = Extension.create({
  name: 'reactSelectionOptOut',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('reactSelectionOptOut'),
        view: (view) => ({ destroy: hideEditableFromReact(view.dom) }),
      }),
    ];
  },
});
