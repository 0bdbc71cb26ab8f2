/**
 * Typing moves the caret past what was typed. ProseMirror reads a typed character back from the DOM
 * together with the browser's selection, and Chrome sometimes reports that selection where it was
 * before the keystroke: the first character typed into a just-inserted empty paragraph (Enter in the
 * Title, then typing at once while the rename after the title settles) came back with the caret in
 * front of it, so 'Shoppers' was saved as 'hoppersS' (lifecycle e2e, CI stop 25; ProseMirror has the
 * same workaround for Edge, which "doesn't move the cursor forward when you start typing in an empty
 * block"). When text went in at a collapsed caret and the caret read back is still in front of it,
 * it is put after the text. Runs after every other text-input handler, so input rules go first.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** `typed`, the transaction for `text` put at `from`–`to`, with the caret after the text if it was left in front. */
export function caretAfterTyped(
  view: Pick<EditorView, 'state' | 'composing'>,
  from: number,
  to: number,
  text: string,
  typed: Transaction,
): Transaction {
  const before = view.state.selection;
  const after = typed.selection;
  const typedAtCaret = before.empty && before.from === from && to === from && text.length > 0;
  if (view.composing || !typedAtCaret || !after.empty || after.head !== from) return typed;
  return typed.setSelection(TextSelection.create(typed.doc, from + text.length));
}

export const CaretAfterTyping = Extension.create({
  name: 'caretAfterTyping',
  // Lowest: handleTextInput goes to the first plugin that takes it, and input rules must see text first.
  priority: 1,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('caretAfterTyping'),
        props: {
          handleTextInput: (view, from, to, text, typed) => {
            view.dispatch(caretAfterTyped(view, from, to, text, typed()));
            return true;
          },
        },
      }),
    ];
  },
});
