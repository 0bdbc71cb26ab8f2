/**
 * Keys act where the user last put the cursor. A click moves the browser's selection at once, but
 * ProseMirror learns of it only from the `selectionchange` event, which the browser queues behind
 * input: a key pressed right after a click (Tab in a table cell just clicked, on a busy machine or
 * with tap-to-click, ProseMirror/prosemirror#1513) was handled from the cell the cursor had left.
 * Before any key handler runs, a selection the editor has not read yet is read now, as the event
 * would have. ProseMirror flushes pending DOM changes on keydown, but not a pending selection.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** The part of prosemirror-view's DOM observer this reads: what it last saw of the DOM selection. */
interface DomObserver {
  currentSelection: {
    eq(range: {
      anchorNode: Node | null;
      anchorOffset: number;
      focusNode: Node | null;
      focusOffset: number;
    }): boolean;
  };
  flush(): void;
}

/** Reads the DOM selection into the editor's state if it moved since the editor last looked. */
export function catchUpSelection(view: EditorView): void {
  const observer = (view as unknown as { domObserver?: Partial<DomObserver> }).domObserver;
  if (typeof observer?.flush !== 'function' || typeof observer.currentSelection?.eq !== 'function') return;
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection?.anchorNode || !view.hasFocus()) return;
  if (observer.currentSelection.eq(selection)) return;
  observer.flush();
}

export const SelectionCatchUp = Extension.create({
  name: 'selectionCatchUp',
  // Before every keymap (tables' Tab, lists' Enter, the slash menu): they read the state's selection.
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionCatchUp'),
        props: {
          handleKeyDown: (view, event) => {
            // Composition keys (229) belong to the input method; ProseMirror reads those itself.
            if (!event.isComposing && event.keyCode !== 229) catchUpSelection(view);
            return false;
          },
        },
      }),
    ];
  },
});
