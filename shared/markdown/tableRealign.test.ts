import { type JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

const codec = createMarkdownCodec();

/** The file saved after the text of cell (`row`, `column`) became `value`. */
function typed(file: string, row: number, column: number, value: string): string {
  const parsed = codec.parse(file);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  const table = doc.content!.find((block) => block.type === 'table')!;
  table.content![row]!.content![column]!.content![0] =
    value === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: value }] };
  return codec.serialize(parsed, doc);
}

// Maya's tables: aligned, except one row a long link widens.
const launch = [
  '| Phase      | Owner   | Link                                 | Status  |',
  '| ---------- | ------- | ------------------------------------ | ------- |',
  '| Discovery  | Maya    | [[Pricing research#Interviews]]      | done    |',
  '| Beta       | Jonas   | [Security](../Obsidian%20Sync/Security%20and%20privacy.md) | active  |',
  '',
].join('\n');
const pricing = [
  '| Customer | Segment   |   Amount |',
  '|:---------|:---------:|---------:|',
  '| Acme     | SMB       |     1200 |',
  '| Globex   |  Retail   |       90 |',
  '| Initech  | "We\'d pay *more* for sync" |       90 |',
  '',
].join('\n');

describe('an edited cell that still fits takes from its padding', () => {
  it.each([
    ['left: from the padding after the text', launch, 1, 1, 'Maya K', '| Discovery  | Maya K  |'],
    ['left: deleting gives the padding back', launch, 1, 1, 'M', '| Discovery  | M       |'],
    [
      'a centred column written flush left stays flush left',
      pricing,
      1,
      1,
      'SMB EU',
      '| Acme     | SMB EU    |',
    ],
    ['centred: from both sides', pricing, 2, 1, 'Retail EU', '| Globex   | Retail EU |'],
    ['centred: deleting gives both sides back', pricing, 2, 1, 'R', '| Globex   |     R     |'],
    ['right: from the padding before the text', pricing, 1, 2, '120000', '|   120000 |'],
    [
      'text that does not fit widens its row',
      launch,
      1,
      1,
      'Maya Kowalska',
      '| Discovery  | Maya Kowalska |',
    ],
  ])('%s', (_name, file, row, column, value, expected) => {
    const line = typed(file, row, column, value).split('\n')[row + 1]!;
    expect(line.includes(expected) ? expected : line).toBe(expected);
  });
});

describe('a row edit whose text fits', () => {
  const cell = fc.stringMatching(/^[A-Za-z]{1,3}( [A-Za-z]{1,3})?$/);
  it('leaves every row, and its own width, as they were', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(launch, pricing),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 1 }),
        cell,
        (file, row, column, value) => {
          const before = file.split('\n');
          const after = typed(file, row, column, value).split('\n');
          const others = after.filter((_line, index) => index !== row + 1);
          expect({
            others,
            width: stringWidth(after[row + 1]!),
          }).toEqual({
            others: before.filter((_line, index) => index !== row + 1),
            width: stringWidth(before[row + 1]!),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
