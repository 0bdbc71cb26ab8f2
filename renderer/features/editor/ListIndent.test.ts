// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';
import { documentJson } from '../../workbench/documentJson.js';
import { createEditorExtensions } from './editorExtensions.js';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/** `markdown` opened in the editor, the caret in `at`, the keys pressed in turn, saved again. */
function pressed(markdown: string, at: string, keys: string[]): string {
  const codec = sharedCodec();
  const parsed = codec.parse(markdown);
  editor = new Editor({
    element: document.createElement('div'),
    extensions: createEditorExtensions('notes/findings.md'),
    content: softBreaksToNodes(parsed.doc),
  });
  let caret = -1;
  editor.state.doc.descendants((node, pos) => {
    if (caret < 0 && node.isText && node.text!.includes(at)) caret = pos + node.text!.indexOf(at) + 2;
  });
  editor.commands.setTextSelection(caret);
  // Real key presses: the keyboardShortcut command folds a handler's transactions into one.
  for (const key of keys) {
    const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: key === 'Shift-Tab', bubbles: true });
    editor.view.dom.dispatchEvent(event);
  }
  return codec.serialize(parsed, documentJson(editor.state.doc));
}

const findings = '1. First finding\n   - nested detail\n   - another detail\n2. Second finding\n';
const lone = '1. First finding\n   - only detail\n2. Second finding\n';

describe('Tab and Shift+Tab in lists', () => {
  const cases: [string, string, string, string[], string][] = [
    [
      'Shift+Tab lifts a nested bullet into the numbered list',
      findings,
      'another',
      ['Shift-Tab'],
      '1. First finding\n   - nested detail\n2. another detail\n3. Second finding\n',
    ],
    [
      'Shift+Tab then Tab gives the bullet back, byte for byte',
      findings,
      'another',
      ['Shift-Tab', 'Tab'],
      findings,
    ],
    [
      'Shift+Tab then Tab on a lone sub-bullet makes a bullet sublist again',
      lone,
      'only',
      ['Shift-Tab', 'Tab'],
      lone,
    ],
    [
      'Shift+Tab in a note whose other lists indent by four keeps the sibling bullet at three',
      `${findings}\n- Milestones\n    - [ ] Beta invite list\n`,
      'another',
      ['Shift-Tab'],
      '1. First finding\n   - nested detail\n2. another detail\n3. Second finding\n\n- Milestones\n    - [ ] Beta invite list\n',
    ],
    [
      'Tab joins the bullet sublist of the numbered item above',
      '1. First finding\n   - nested detail\n2. Second finding\n',
      'Second',
      ['Tab'],
      '1. First finding\n   - nested detail\n   - Second finding\n',
    ],
    [
      'Tab with no sublist above nests in a list of its own kind',
      '- one\n- two\n',
      'two',
      ['Tab'],
      '- one\n  - two\n',
    ],
  ];
  it.each(cases)('%s', (_name, markdown, at, keys, expected) => {
    expect(pressed(markdown, at, keys)).toBe(expected);
  });
});
