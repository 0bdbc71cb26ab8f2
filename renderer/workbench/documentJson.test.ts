import { describe, expect, it } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { generateLargeSpec } from '../../shared/markdown/largeSpec.js';
import { documentJson } from './documentJson.js';
import { sharedCodec } from './sharedCodec.js';
import { softBreaksToText } from './softBreak.js';

const codec = sharedCodec();
const text = generateLargeSpec(2);
const parsed = codec.parse(text);

function positionOf(doc: ProseMirrorNode, words: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
    return found < 0;
  });
  if (found < 0) throw new Error(`no "${words}" in the document`);
  return found;
}

// Typing and editing where people do: a paragraph, a requirement card, a list item, a table cell, a code block.
const edits: [string, (state: EditorState) => Transaction][] = [
  ['type in a paragraph', (s) => s.tr.insertText(' kept', positionOf(s.doc, 'after entering') + 5)],
  ['type in a requirement', (s) => s.tr.insertText('x', positionOf(s.doc, 'keeps the cart for 2'))],
  ['type in a list item', (s) => s.tr.insertText('!', positionOf(s.doc, 'Design review') + 6)],
  ['type in a table cell', (s) => s.tr.insertText('0', positionOf(s.doc, 'Conversion'))],
  ['type in code', (s) => s.tr.insertText('// ', positionOf(s.doc, 'export function keepCart2'))],
  ['split a paragraph', (s) => s.tr.split(positionOf(s.doc, 'and we link'))],
  ['delete a block', (s) => s.tr.delete(0, s.doc.child(0).nodeSize)],
];

describe('the document as the codec reads it, block by block', () => {
  it('saves the same text as converting the whole document, after each edit', () => {
    let state = EditorState.create({ doc: ProseMirrorNode.fromJSON(codec.schema, parsed.doc) });
    const saved: string[] = [];
    const expected: string[] = [];
    for (const [, edit] of edits) {
      state = state.apply(edit(state));
      const whole = softBreaksToText(state.doc.toJSON() as JSONContent);
      expect(documentJson(state.doc)).toEqual(whole);
      saved.push(codec.serialize(parsed, documentJson(state.doc)));
      expected.push(codec.serialize(parsed, whole));
    }
    expect(saved).toEqual(expected);
    expect(new Set(saved).size).toBe(edits.length);
  });

  it('reuses the frozen JSON of every block an edit did not touch', () => {
    const before = EditorState.create({ doc: ProseMirrorNode.fromJSON(codec.schema, parsed.doc) });
    const after = before.apply(before.tr.insertText('x', positionOf(before.doc, 'after entering')));
    const [first, second] = [documentJson(before.doc).content!, documentJson(after.doc).content!];
    const kept = second.filter((block, index) => block === first[index]);
    expect([kept.length, second.length - 1, kept.every((block) => Object.isFrozen(block))]).toEqual([
      second.length - 1,
      second.length - 1,
      true,
    ]);
  });
});
