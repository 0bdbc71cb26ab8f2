// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { softBreaksToNodes } from '../../workbench/softBreak.js';
import { documentJson } from '../../workbench/documentJson.js';
import { createEditorExtensions } from './editorExtensions.js';

let editor: Editor | undefined;
afterEach(() => editor?.destroy());

/**
 * `markdown` opened in the editor, `text` pasted as plain text at `«»` (at `«¶»` after pressing Enter
 * there), saved again, then undone.
 */
function pasted(markdown: string, text: string): { before: string; saved: string; undone: string } {
  const codec = sharedCodec();
  const enter = markdown.includes('«¶»');
  markdown = markdown.replace('«¶»', '«»');
  const parsed = codec.parse(markdown.replace('«»', ''));
  editor = new Editor({
    element: document.createElement('div'),
    extensions: createEditorExtensions('notes/pricing.md'),
    content: softBreaksToNodes(codec.parse(markdown.replace('«»', '@caret@')).doc),
  });
  let caret = -1;
  editor.state.doc.descendants((node, pos) => {
    if (caret < 0 && node.isText && node.text!.includes('@caret@'))
      caret = pos + node.text!.indexOf('@caret@');
  });
  const { view } = editor;
  view.dispatch(view.state.tr.delete(caret, caret + '@caret@'.length).setMeta('addToHistory', false));
  if (enter) view.dispatch(view.state.tr.split(caret));
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, enter ? caret + 2 : caret)));
  const before = codec.serialize(parsed, documentJson(editor.state.doc));
  view.pasteText(text, new Event('paste') as ClipboardEvent);
  const saved = codec.serialize(parsed, documentJson(editor.state.doc));
  editor.commands.undo();
  return { before, saved, undone: codec.serialize(parsed, documentJson(editor.state.doc)) };
}

const snippet = [
  '## Section',
  '',
  '- item',
  '- [ ] task',
  '',
  '> quote',
  '',
  '| a   | b   |',
  '| --- | --- |',
  '| 1   | 2   |',
  '',
  'See [[Pricing research]] and **bold** text.',
  '',
].join('\n');

describe('pasting plain text', () => {
  const cases: [string, string, string, string][] = [
    [
      'Markdown becomes the blocks it means, written back as it was pasted',
      'Back to the plan.«¶»\n',
      snippet,
      `Back to the plan.\n\n${snippet}`,
    ],
    [
      'a line without block syntax joins the paragraph it is pasted into',
      'Compare «»with last year.\n',
      'the [[Launch plan]] **draft** ',
      'Compare the [[Launch plan]] **draft** with last year.\n',
    ],
    [
      'blocks pasted inside a paragraph split it and stay whole',
      'One.«»Two.\n',
      '## Section\n\n- item\n',
      'One.\n\n## Section\n\n- item\n\nTwo.\n',
    ],
    [
      'lines of plain prose become paragraphs',
      'Notes:«»\n',
      ' first line\n\nsecond line',
      'Notes: first line\n\nsecond line\n',
    ],
    [
      'text pasted into code stays literal',
      '```\ncode «» here\n```\n',
      '## not a heading',
      '```\ncode ## not a heading here\n```\n',
    ],
  ];
  it.each(cases)('%s', (_name, markdown, text, expected) => {
    expect(pasted(markdown, text).saved).toBe(expected);
  });

  it('is undone in one step', () => {
    const { before, undone } = pasted('Back to the plan.\n\n«»\n', snippet);
    expect(undone).toBe(before);
  });
});
