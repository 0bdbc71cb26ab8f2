// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';
import { documentJson } from '../../workbench/documentJson.js';
import { createEditorExtensions } from './editorExtensions.js';
import { typesCode } from '../../../shared/markdown/extensions/codeInLink.js';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

type Step = { type: string } | { key: string } | { toggleCode: true } | { backspace: true };

/** Types text as the browser does: through handleTextInput, then ProseMirror's own insertText. */
function typeText(instance: Editor, text: string): void {
  for (const character of text) {
    const { view } = instance;
    const { from, to } = view.state.selection;
    const insert = () => view.state.tr.insertText(character, from, to);
    if (!view.someProp('handleTextInput', (handler) => handler(view, from, to, character, insert)))
      view.dispatch(insert());
  }
}

/** `markdown` opened in the editor, the caret after `after`, the steps taken in turn, saved again. */
function edited(markdown: string, after: string, steps: Step[]): string {
  const { codec, parsed } = opened(markdown, after);
  for (const step of steps) {
    if ('type' in step) typeText(editor!, step.type);
    else if ('key' in step)
      editor!.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: step.key, bubbles: true }));
    else if ('backspace' in step) {
      const { from } = editor!.state.selection;
      editor!.view.dispatch(editor!.state.tr.delete(from - 1, from));
    } else editor!.commands.toggleCode();
  }
  return codec.serialize(parsed, documentJson(editor!.state.doc));
}

/** `markdown` opened in the editor with the caret after the first `after`. */
function opened(markdown: string, after: string) {
  const codec = sharedCodec();
  const parsed = codec.parse(markdown);
  editor = new Editor({
    element: document.createElement('div'),
    extensions: createEditorExtensions('docs/api.md'),
    content: softBreaksToNodes(parsed.doc),
  });
  let caret = -1;
  editor.state.doc.descendants((node, pos) => {
    const index = node.isText ? node.text!.indexOf(after) : -1;
    if (caret < 0 && index >= 0) caret = pos + index + after.length;
  });
  editor.commands.setTextSelection(caret);
  return { codec, parsed };
}

const line = '* **headers** (optional) - Default: `null`\n* next\n';
const inText = 'Set `null` here.\n';

describe('typing at the edge of inline code', () => {
  it('text typed after a code span ending the line stays outside it', () => {
    expect(edited(line, 'null', [{ type: ' (edited)' }])).toBe(
      '* **headers** (optional) - Default: `null` (edited)\n* next\n',
    );
  });

  it('text typed after a code span inside a line stays outside it', () => {
    expect(edited(inText, 'null', [{ type: 'X' }])).toBe('Set `null`X here.\n');
  });

  it('text typed between the letters of a code span goes in', () => {
    expect(edited(inText, 'nu', [{ type: 'X' }])).toBe('Set `nuXll` here.\n');
  });

  it('ArrowRight at the end of the line leaves the code without adding a space', () => {
    expect(edited(line, 'null', [{ key: 'ArrowRight' }, { type: 'Z' }])).toBe(
      '* **headers** (optional) - Default: `null`Z\n* next\n',
    );
    expect(edited(line, 'null', [{ key: 'ArrowRight' }, { type: ' (edited2)' }])).toBe(
      '* **headers** (optional) - Default: `null` (edited2)\n* next\n',
    );
  });

  it('code started with the toolbar keeps growing as it is typed, and through a Backspace', () => {
    expect(edited(inText, 'here', [{ type: ' ' }, { toggleCode: true }, { type: 'abc' }])).toBe(
      'Set `null` here `abc`.\n',
    );
    expect(
      edited(inText, 'here', [
        { type: ' ' },
        { toggleCode: true },
        { type: 'ab' },
        { backspace: true },
        { type: 'cd' },
      ]),
    ).toBe('Set `null` here `acd`.\n');
  });

  it('the toolbar code button at the end of a code span turns the next typed text into code', () => {
    expect(edited(inText, 'null', [{ toggleCode: true }, { type: 'X' }])).toBe('Set `nullX` here.\n');
    expect(edited(inText, 'null', [{ toggleCode: true }, { toggleCode: true }, { type: 'X' }])).toBe(
      'Set `null`X here.\n',
    );
    expect(edited(inText, 'nu', [{ toggleCode: true }, { type: 'X' }])).toBe('Set `nu`X`ll` here.\n');
  });
});

describe('the code button shows what typing would do', () => {
  it.each([
    ['after a code span ending a line', line, 'null', [], false],
    ['after a code span inside a line', inText, 'null', [], false],
    ['between its letters', inText, 'nu', [], true],
    ['after plain text', inText, 'here', [], false],
    ['after code typed on past the span', inText, 'null', [{ toggleCode: true }, { type: 'ab' }], true],
    ['after text typed past the span', inText, 'null', [{ type: 'ab' }], false],
  ] as [string, string, string, Step[], boolean][])('%s', (_name, markdown, after, steps, lit) => {
    edited(markdown, after, steps);
    expect(typesCode(editor!.state)).toBe(lit);
  });

  it('a composition begun after a code span is composed outside it', () => {
    opened(line, 'null');
    editor!.view.dom.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    expect(editor!.state.storedMarks?.map((mark) => mark.type.name)).toEqual([]);
  });
});
