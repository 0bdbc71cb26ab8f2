import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { sharedCodec } from './sharedCodec.js';
import { replaceChangedContent } from './replaceChangedContent.js';

const summary = '## Summary\n\nGuests pay without an account.\n\n';
const problem = '## Problem\n\nShoppers leave at the sign-up wall.\n';

/** A note with a table whose cell links by a relative path, blocks after it, and an image. */
const moved = (link: string, image: string) =>
  [
    '# Review prep',
    '',
    'Notes for the meeting.',
    '',
    '| Topic   | Link |',
    '| ------- | ---- |',
    '| Sync    | [[Linker]] |',
    `| Publish | [Publish security](${link}#Add) |`,
    '',
    '- Item one',
    '  - nested item',
    '',
    '<details>',
    '<summary>Background</summary>',
    '',
    'Some background text.',
    '</details>',
    '',
    `![Backlinks](${image})`,
    '',
    'A block to cite.',
    '',
  ].join('\n');

/** The text around the caret after the reload: it must be the same words as before. */
function caretAfterReload(before: string, after: string, caretAfter: string): string {
  const codec = sharedCodec();
  const parsed = codec.schema.nodeFromJSON(codec.parse(before).doc);
  // As the editor holds it: an empty paragraph after a document that ends in a list, to type into.
  const doc =
    parsed.lastChild?.type.name === 'paragraph'
      ? parsed
      : parsed.copy(parsed.content.addToEnd(codec.schema.nodes.paragraph!.create()));
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
    result.doc.eq(next) || result.doc.eq(next.copy(next.content.addToEnd(doc.lastChild!))),
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
    [
      'a paragraph ending in references changed before the caret, in a note that ends with a list',
      summary.replace('account.', 'account. A-first. and [[RM-6]].') + problem + '\n- One\n- Two\n',
      summary.replace('account.', 'account. B-tab. A-first. and [[RM-6]].') + problem + '\n- One\n- Two\n',
      'A-first.',
      'true Guests pay without an account. B-tab. A-first.| and .',
    ],
    [
      'a link in a table cell and an image path further down both changed (a move rewrote them)',
      moved('../Obsidian%20Publish/Security.md', '../Attachments/Backlinks.png'),
      moved('../../Obsidian%20Publish/Security.md', '../../Attachments/Backlinks.png'),
      'meeting.',
      'true Notes for the meeting.|',
    ],
    [
      'the same with the caret after both changes',
      moved('../Obsidian%20Publish/Security.md', '../Attachments/Backlinks.png'),
      moved('../../Obsidian%20Publish/Security.md', '../../Attachments/Backlinks.png'),
      'A block',
      'true A block| to cite.',
    ],
    ['nothing changed', summary, summary, 'Guests pay', 'true Guests pay| without an account.'],
  ];
  it.each(cases)('%s', (_name, before, after, caretAfter, expected) => {
    expect(caretAfterReload(before, after, caretAfter)).toBe(expected);
  });

  it('turns any document into any other made of the same kinds of blocks', () => {
    const word = fc.constantFrom('one', 'two', '[[Home]]', '[x](../a.md)', '**bold**', 'cell');
    const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '));
    const block = fc.oneof(
      words.map((text) => `${text}\n`),
      words.map((text) => `## ${text}\n`),
      fc.tuple(words, words).map(([a, b]) => `- ${a}\n  - ${b}\n`),
      fc.tuple(words, words).map(([a, b]) => `| A | B |\n| - | - |\n| ${a} | ${b} |\n`),
      words.map((text) => `> [!note] ${text}\n> ${text}\n`),
    );
    const note = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n'));
    fc.assert(
      fc.property(note, note, (before, after) => {
        expect(caretAfterReload(before, after, before.slice(0, 1)).startsWith('true ')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
