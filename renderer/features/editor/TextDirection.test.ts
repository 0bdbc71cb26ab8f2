import { describe, expect, it } from 'vitest';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import { directionDecorations, textDirectionKey, textDirectionPlugin } from './TextDirection.js';

const codec = sharedCodec();
const markdown = [
  '# כותרת',
  '',
  'שלום עולם, this paragraph starts in Hebrew.',
  '',
  '- first item',
  '- مرحبا',
  '  - nested',
  '',
  '> quoted',
  '',
  '```',
  'code stays left to right',
  '```',
  '',
].join('\n');

function state(): EditorState {
  const doc = codec.schema.nodeFromJSON(codec.parse(markdown).doc);
  return EditorState.create({ doc, plugins: [textDirectionPlugin()] });
}

/** Each decorated node as `type: text`, in document order. */
function decorated(editorState: EditorState): string[] {
  const set = textDirectionKey.getState(editorState)!;
  return set
    .find()
    .sort((a, b) => a.from - b.from)
    .map((decoration) => {
      const node = editorState.doc.nodeAt(decoration.from) as ProseMirrorNode;
      return `${node.type.name}: ${node.textContent}`;
    });
}

describe('dir="auto" on the blocks people write in', () => {
  it('decorates headings, paragraphs and list items (not their paragraphs, not code) holding right-to-left letters', () => {
    expect(decorated(state())).toEqual([
      'heading: כותרת',
      'paragraph: שלום עולם, this paragraph starts in Hebrew.',
      // The whole list: an English item inside a right-to-left one must not inherit its direction.
      'listItem: first item',
      'listItem: مرحباnested',
      'listItem: nested',
    ]);
  });

  it('leaves a block in left-to-right scripts alone: it reads the same without dir="auto"', () => {
    const doc = codec.schema.nodeFromJSON(codec.parse('# Title\n\nPlain text.\n\n- an item\n').doc);
    expect(directionDecorations(doc)).toEqual([]);
  });

  it('after edits, holds what a fresh look at the whole document finds', () => {
    let editorState = state();
    const edits = [
      (s: EditorState) => s.tr.insertText('new words ', 3),
      (s: EditorState) => s.tr.split(5),
      (s: EditorState) => s.tr.delete(1, 12),
      (s: EditorState) =>
        s.tr.insert(
          s.doc.content.size,
          codec.schema.nodes.paragraph!.create(null, codec.schema.text('عربى')),
        ),
      (s: EditorState) => s.tr.setSelection(TextSelection.create(s.doc, 2)).deleteSelection(),
    ];
    for (const edit of edits) editorState = editorState.apply(edit(editorState));
    const fresh = directionDecorations(editorState.doc).map((decoration) => [decoration.from, decoration.to]);
    const kept = textDirectionKey
      .getState(editorState)!
      .find()
      .map((decoration) => [decoration.from, decoration.to])
      .sort((a, b) => a[0]! - b[0]!);
    expect(kept).toEqual(fresh);
  });
});
