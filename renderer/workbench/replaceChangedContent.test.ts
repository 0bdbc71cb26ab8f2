import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { sharedCodec } from './sharedCodec.js';
import { replaceChangedContent } from './replaceChangedContent.js';

const summary = '## Summary\n\nGuests pay without an account.\n\n';
const problem = '## Problem\n\nShoppers leave at the sign-up wall.\n';

/** The text around the caret after the reload: it must be the same words as before. */
function caretAfterReload(before: string, after: string, caretAfter: string): string {
  const codec = sharedCodec();
  const doc = codec.schema.nodeFromJSON(codec.parse(before).doc);
  let caret = 0;
  doc.descendants((node, position) => {
    const index = node.isText ? node.text!.indexOf(caretAfter) : -1;
    if (index >= 0) caret = position + index + caretAfter.length;
  });
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, caret) });
  const next = codec.schema.nodeFromJSON(codec.parse(after).doc);
  const transaction = replaceChangedContent(state, next);
  const result = transaction ? state.apply(transaction) : state;
  const { $from } = result.selection;
  return [
    result.doc.eq(next),
    $from.parent.textContent.slice(0, $from.parentOffset) +
      '|' +
      $from.parent.textContent.slice($from.parentOffset),
  ].join(' ');
}

describe('replaceChangedContent', () => {
  const cases: [string, string, string, string, string][] = [
    [
      'another paragraph changed after the caret',
      summary + problem,
      summary + problem.replace('wall.', 'wall. They said so.'),
      'without an',
      'true Guests pay without an| account.',
    ],
    [
      'another paragraph changed before the caret',
      summary + problem,
      summary.replace('Guests', 'All guests') + problem,
      'leave at',
      'true Shoppers leave at| the sign-up wall.',
    ],
    ['nothing changed', summary, summary, 'Guests pay', 'true Guests pay| without an account.'],
  ];
  it.each(cases)('%s', (_name, before, after, caretAfter, expected) => {
    expect(caretAfterReload(before, after, caretAfter)).toBe(expected);
  });
});
