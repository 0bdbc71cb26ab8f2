import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { caretAfterTyped } from './CaretAfterTyping.js';

const codec = sharedCodec();

/** A document `# Title` then an empty paragraph, the caret in it (where Enter in the Title puts it). */
function emptyParagraphState(): EditorState {
  const { schema } = codec;
  const doc = schema.node('doc', null, [
    schema.node('heading', { level: 2 }, [schema.text('Summary')]),
    schema.node('paragraph'),
  ]);
  const inParagraph = doc.child(0).nodeSize + 1;
  return EditorState.create({ doc, selection: TextSelection.create(doc, inParagraph) });
}

function typed(state: EditorState, text: string, from: number, to: number, caret: number) {
  const tr = state.tr.insertText(text, from, to);
  return tr.setSelection(TextSelection.create(tr.doc, caret));
}

describe('caretAfterTyped', () => {
  it('puts the caret after a first character the browser reported the caret in front of', () => {
    const state = emptyParagraphState();
    const at = state.selection.from;
    const result = caretAfterTyped({ state, composing: false }, at, at, 'S', typed(state, 'S', at, at, at));
    expect(result.selection.head).toBe(at + 1);
    expect(result.doc.textBetween(at, at + 1)).toBe('S');
  });

  it('leaves a caret the browser reported after the text as it is', () => {
    const state = emptyParagraphState();
    const at = state.selection.from;
    const tr = typed(state, 'S', at, at, at + 1);
    expect(caretAfterTyped({ state, composing: false }, at, at, 'S', tr)).toBe(tr);
    expect(tr.selection.head).toBe(at + 1);
  });

  it('leaves text that replaced a selection, text put elsewhere than the caret, and composition alone', () => {
    const state = emptyParagraphState();
    const at = state.selection.from;
    const withText = state.apply(state.tr.insertText('abc', at, at));
    const selected = withText.apply(withText.tr.setSelection(TextSelection.create(withText.doc, at, at + 3)));
    const replacing = typed(selected, 'x', at, at + 3, at);
    expect(caretAfterTyped({ state: selected, composing: false }, at, at + 3, 'x', replacing)).toBe(
      replacing,
    );
    const elsewhere = typed(withText, 'y', at, at, at);
    const caretAtEnd = withText.apply(withText.tr.setSelection(TextSelection.create(withText.doc, at + 3)));
    expect(caretAfterTyped({ state: caretAtEnd, composing: false }, at, at, 'y', elsewhere)).toBe(elsewhere);
    const composing = typed(state, 'S', at, at, at);
    expect(caretAfterTyped({ state, composing: true }, at, at, 'S', composing)).toBe(composing);
  });
});
