import { describe, expect, it } from 'vitest';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Plugin, type Transaction } from '@tiptap/pm/state';
import type { Decoration, DecorationSet } from '@tiptap/pm/view';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { MarkdownDecorations, markdownDecorations, markdownDecorationsKey } from './markdownDecorations.js';

const codec = sharedCodec();
const markdown = [
  '# Notes ==marked== #tag',
  '',
  'Press <kbd>Ctrl</kbd> then ==this== for #release notes.',
  '',
  '- an ==item== with #one',
  '- and `==code==` left alone',
  '',
  'A last paragraph.',
  '',
].join('\n');

function state(): EditorState {
  const doc = codec.schema.nodeFromJSON(codec.parse(markdown).doc);
  const plugins = MarkdownDecorations.config.addProseMirrorPlugins!.call({} as never) as Plugin[];
  return EditorState.create({ doc, plugins });
}

/** Each decoration as `from-to class`, in document order. */
function described(decorations: Decoration[]): string[] {
  return decorations
    .map((decoration) => {
      // The decoration's attributes are not public API; its class is what the page shows.
      const attributes = (decoration as unknown as { type: { attrs?: { class?: string } } }).type.attrs;
      return `${decoration.from}-${decoration.to} ${attributes?.class ?? ''}`;
    })
    .sort();
}

function textAt(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  if (found < 0) throw new Error(`no ${text}`);
  return found;
}

describe('highlight, tag and inline HTML decorations kept across edits', () => {
  it('hold, after each edit, what a fresh look at the whole document finds', () => {
    let editorState = state();
    const schema = codec.schema;
    const edits: ((s: EditorState) => Transaction)[] = [
      (s) => s.tr.insertText(' ==new== #added', textAt(s.doc, 'A last') + 6),
      (s) => s.tr.insertText('==', textAt(s.doc, 'this==') - 2),
      (s) => s.tr.delete(textAt(s.doc, '#one'), textAt(s.doc, '#one') + 1),
      (s) => s.tr.split(textAt(s.doc, 'then')),
      (s) => s.tr.addMark(textAt(s.doc, '#tag'), textAt(s.doc, '#tag') + 4, schema.marks.code!.create()),
      (s) => s.tr.join(textAt(s.doc, 'then') - 1),
      (s) => s.tr.delete(1, textAt(s.doc, 'Press') + 2),
    ];
    for (const edit of edits) {
      editorState = editorState.apply(edit(editorState));
      const kept = markdownDecorationsKey.getState(editorState) as DecorationSet;
      expect(described(kept.find())).toEqual(described(markdownDecorations(editorState.doc)));
    }
    expect(described(markdownDecorations(editorState.doc)).length).toBeGreaterThan(5);
  });
});
