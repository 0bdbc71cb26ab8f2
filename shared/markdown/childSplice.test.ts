import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

const codec = createMarkdownCodec();

const paragraph = (value: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text: value }],
});
const item = (value: string): JSONContent => ({ type: 'listItem', content: [paragraph(value)] });
const row = (...values: string[]): JSONContent => ({
  type: 'tableRow',
  content: values.map((value) => ({ type: 'tableCell', content: [paragraph(value)] })),
});

/** The file saved after `change` edited its first top-level block. */
function edited(file: string, change: (block: JSONContent) => void): string {
  const parsed = codec.parse(file);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  change(doc.content![0]!);
  return codec.serialize(parsed, doc);
}

/** The text of the first cell's paragraph of row `row`, column `column`, set to `value`. */
function setCell(table: JSONContent, rowIndex: number, column: number, value: string): void {
  table.content![rowIndex]!.content![column]!.content![0] = paragraph(value);
}

describe('an item added to or removed from a list is the only change', () => {
  const cases: [string, string, (list: JSONContent) => void, string][] = [
    [
      'added in the middle, with the neighbours’ marker spacing',
      '*   a\n*   b\n',
      (list) => list.content!.splice(1, 0, item('new')),
      '*   a\n*   new\n*   b\n',
    ],
    [
      'added at the end, before what follows the list',
      '+ a\n+ b\n\nAfter.\n',
      (list) => list.content!.push(item('new')),
      '+ a\n+ b\n+ new\n\nAfter.\n',
    ],
    ['added first', '- a\n- b\n', (list) => list.content!.unshift(item('new')), '- new\n- a\n- b\n'],
    [
      'removed: the others keep their 1) numbers, renumbered',
      '1) a\n2) b\n3) c\n',
      (list) => list.content!.splice(0, 1),
      '1) b\n2) c\n',
    ],
    [
      'added to a numbered list: the items after it renumbered',
      '1. a\n2. b\n3. c\n',
      (list) => list.content!.splice(1, 0, item('new')),
      '1. a\n2. new\n3. b\n4. c\n',
    ],
    [
      'a list numbered otherwise keeps its numbers',
      '1. a\n1. b\n',
      (list) => list.content!.push(item('new')),
      '1. a\n1. b\n1. new\n',
    ],
    [
      'added to a tab-indented sublist',
      '- a\n\t- b\n\t- c\n- d\n',
      (list) => list.content![0]!.content![1]!.content!.push(item('new')),
      '- a\n\t- b\n\t- c\n\t- new\n- d\n',
    ],
    [
      'removed from a sublist indented by four spaces',
      '- a\n    - b\n    - c\n- d\n',
      (list) => list.content![0]!.content![1]!.content!.splice(0, 1),
      '- a\n    - c\n- d\n',
    ],
    [
      'a task added unchecked, like its neighbours',
      '* [ ] a\n* [x] b\n',
      (list) =>
        list.content!.push({ type: 'taskItem', attrs: { checked: false }, content: [paragraph('new')] }),
      '* [ ] a\n* [x] b\n* [ ] new\n',
    ],
  ];
  it.each(cases)('%s', (_name, file, change, expected) => {
    expect(edited(file, change)).toBe(expected);
  });
});

describe('a quote’s block added or removed is the only change', () => {
  const cases: [string, string, (quote: JSONContent) => void, string][] = [
    [
      'added, with the quote’s own prefix',
      '>a\n>\n>b\n',
      (quote) => quote.content!.push(paragraph('new')),
      '>a\n>\n>b\n>\n>new\n',
    ],
    ['added first', '> a\n', (quote) => quote.content!.unshift(paragraph('new')), '> new\n>\n> a\n'],
    ['removed', '>a\n>\n>b\n>\n>c\n', (quote) => quote.content!.splice(1, 1), '>a\n>\n>c\n'],
  ];
  it.each(cases)('%s', (_name, file, change, expected) => {
    expect(edited(file, change)).toBe(expected);
  });
});

describe('a padded table changes only in what was typed', () => {
  const cases: [string, string, (table: JSONContent) => void, string][] = [
    [
      'a cell that outgrows its column widens only its own row',
      '| a   | b   |\n| --- | :-: |\n| x   | y   |\n| z   | w   |\n',
      (table) => setCell(table, 1, 0, 'longer'),
      '| a   | b   |\n| --- | :-: |\n| longer | y   |\n| z   | w   |\n',
    ],
    [
      'text that fits takes from the padding (walkthrough: Planck-Einstein)',
      '| First name | Last name |\n| ---------- | --------- |\n| Max        | Planck    |\n| Marie      | Curie     |\n',
      (table) => setCell(table, 1, 1, 'Planck-E'),
      '| First name | Last name |\n| ---------- | --------- |\n| Max        | Planck-E  |\n| Marie      | Curie     |\n',
    ],
    [
      'text that overflows keeps one space (walkthrough: Planck-Einstein)',
      '| First name | Last name |\n| ---------- | --------- |\n| Max        | Planck    |\n| Marie      | Curie     |\n',
      (table) => setCell(table, 1, 1, 'Planck-Einstein'),
      '| First name | Last name |\n| ---------- | --------- |\n| Max        | Planck-Einstein |\n| Marie      | Curie     |\n',
    ],
    [
      'a cell that shrinks is padded back',
      '| name | b |\n|------|---|\n| long | y |\n',
      (table) => setCell(table, 1, 0, 'x'),
      '| name | b |\n|------|---|\n| x    | y |\n',
    ],
    [
      'a row added is laid out like the others',
      '| a   | b |\n| --- | - |\n| x   | y |\n',
      (table) => table.content!.push(row('z', 'w')),
      '| a   | b |\n| --- | - |\n| x   | y |\n| z   | w |\n',
    ],
    [
      'a row added with a wider cell is wider, the others stay',
      '| a   | b |\n| --- | - |\n| x   | y |\n',
      (table) => table.content!.push(row('long cell', 'z')),
      '| a   | b |\n| --- | - |\n| x   | y |\n| long cell | z |\n',
    ],
    [
      'columns measured in display width (CJK)',
      '| 名前 | n   |\n| ---- | --- |\n| x    | y   |\n',
      (table) => setCell(table, 1, 0, '中文'),
      '| 名前 | n   |\n| ---- | --- |\n| 中文 | y   |\n',
    ],
    [
      'a CJK cell that outgrows its column keeps one space',
      '| 名前 | n   |\n| ---- | --- |\n| x    | y   |\n',
      (table) => setCell(table, 1, 0, '中文字'),
      '| 名前 | n   |\n| ---- | --- |\n| 中文字 | y   |\n',
    ],
    [
      'a row removed',
      '| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n',
      (table) => table.content!.splice(1, 1),
      '| a | b |\n|---|---|\n| 3 | 4 |\n',
    ],
    [
      'an unpadded table stays unpadded',
      '|a|b|\n|---|---|\n|x|y|\n',
      (table) => setCell(table, 1, 0, 'longer'),
      '|a|b|\n|---|---|\n|longer|y|\n',
    ],
  ];
  it.each(cases)('%s', (_name, file, change, expected) => {
    expect(edited(file, change)).toBe(expected);
  });
});

describe('an item made with Enter and then typed into, saved after each step as the editor saves', () => {
  it.each([
    ['*   alpha\n*   beta\n\nAfter.\n', 'listItem', '*   alpha\n*   beta\n* gamma\n\nAfter.\n'],
    ['- [ ] alpha\n- [x] beta\n', 'taskItem', '- [ ] alpha\n- [x] beta\n- [ ] gamma\n'],
  ])('%j: only the new item is written', (file, type, expected) => {
    let text = file;
    const doc = JSON.parse(JSON.stringify(codec.parse(file).doc)) as JSONContent;
    const list = doc.content![0]!;
    const added: JSONContent = { type, content: [{ type: 'paragraph' }] };
    if (type === 'taskItem') added.attrs = { checked: false };
    list.content!.push(added);
    for (const typed of ['', 'g', 'gamma']) {
      added.content = [typed === '' ? { type: 'paragraph' } : paragraph(typed)];
      text = codec.serialize(codec.parse(text), JSON.parse(JSON.stringify(doc)) as JSONContent);
    }
    expect(text).toBe(expected);
  });
});
