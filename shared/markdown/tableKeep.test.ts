import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';
import { specTemplateText } from '../templates/specTemplate.js';
import { keepTableSource } from './tableKeep.js';

const codec = createMarkdownCodec();

const paragraph = (value: string): JSONContent =>
  value === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: value }] };

/** The file saved after `change` edited its first table. */
function edited(file: string, change: (table: JSONContent) => void): string {
  const parsed = codec.parse(file);
  const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
  change(doc.content!.find((block) => block.type === 'table')!);
  return codec.serialize(parsed, doc);
}

function setCell(table: JSONContent, row: number, column: number, value: string): void {
  table.content![row]!.content![column]!.content![0] = paragraph(value);
}

/** The lines that differ, old and new, in order. */
function changedLines(before: string, after: string): [string | undefined, string | undefined][] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed: [string | undefined, string | undefined][] = [];
  for (let index = 0; index < Math.max(a.length, b.length); index++)
    if (a[index] !== b[index]) changed.push([a[index], b[index]]);
  return changed;
}

describe('a table edit changes only what was typed', () => {
  const template = specTemplateText.replace(/\{\{\w+\}\}/g, 'x');

  it('typing into an empty cell of the new-spec metrics table keeps the |---| delimiter row', () => {
    const after = edited(template, (table) => setCell(table, 1, 0, 'Conversion'));
    expect(changedLines(template, after)).toEqual([['|  |  |  |  |', '| Conversion |  |  |  |']]);
  });

  it('each empty cell of a row is written where it is', () => {
    const file = '| A | B | C |\n|:--|:-:|--:|\n|  |  |  |\n| 1 |  | 3 |\n';
    const middle = edited(file, (table) => setCell(table, 2, 1, 'two'));
    expect(middle).toBe('| A | B | C |\n|:--|:-:|--:|\n|  |  |  |\n| 1 | two | 3 |\n');
    const last = edited(file, (table) => setCell(table, 1, 2, 'c'));
    expect(last).toBe('| A | B | C |\n|:--|:-:|--:|\n|  |  | c |\n| 1 |  | 3 |\n');
  });

  it('a row added after an edited empty row keeps the other rows and the delimiter row', () => {
    const file = '| Metric | Target |\n|---|---|\n| Conversion | 48% |\n|  |  |\n';
    const after = edited(file, (table) => {
      setCell(table, 2, 0, 'Drop-off');
      table.content!.push(JSON.parse(JSON.stringify(table.content![1])) as JSONContent);
    });
    expect(after.split('\n').slice(0, 3)).toEqual([
      '| Metric | Target |',
      '|---|---|',
      '| Conversion | 48% |',
    ]);
    expect(codec.parse(after).doc.content![0]!.content).toHaveLength(4);
  });
});

describe('keepTableSource', () => {
  const parse = (markdown: string) => codec.parse(markdown).doc.content![0];

  it('keeps the delimiter row and the untouched rows of a table written anew', () => {
    const old = '|A|B|\n|:--|---:|\n|1|2|\n|3|4|\n';
    const rendered = '| A | B |\n| :--- | ---: |\n| 1 | 2 |\n| 3 | five |';
    expect(keepTableSource(old, rendered, parse)).toBe('|A|B|\n|:--|---:|\n|1|2|\n|3|five|');
  });

  it("writes the rows it writes anew in the table's own style", () => {
    const cases: [string, string, string, string][] = [
      [
        'a row added to a table written without spaces',
        '|A|B|\n|---|---|\n|1|2|\n',
        '| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 |  |',
        '|A|B|\n|---|---|\n|1|2|\n|3||',
      ],
      [
        'without outer pipes',
        'A|B\n---|---\n1|2\n',
        '| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |',
        'A|B\n---|---\n1|2\n3|4',
      ],
      [
        'a column added',
        '|A|B|\n|---|:-:|\n|1|2|\n',
        '| A | B | C |\n| --- | :---: | --- |\n| 1 | 2 | 3 |',
        '|A|B|C|\n|---|:-:|---|\n|1|2|3|',
      ],
      [
        "a table written with spaces keeps the codec's rows",
        '| A | B |\n|---|---|\n| 1 | 2 |\n',
        '| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |',
        '| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |',
      ],
    ];
    expect(cases.map(([, old, rendered]) => keepTableSource(old, rendered, parse))).toEqual(
      cases.map(([, , , expected]) => expected),
    );
  });

  it("writes the delimiter row anew, in the table's style, when a column or its alignment changed", () => {
    const old = '|A|B|\n|---|---|\n|1|2|\n';
    const aligned = '| A | B |\n| :--- | --- |\n| 1 | 2 |';
    expect(keepTableSource(old, aligned, parse)).toBe('|A|B|\n|:--|---|\n|1|2|');
    const spaced = '| A | B |\n|---|---|\n| 1 | 2 |\n';
    expect(keepTableSource(spaced, aligned, parse)).toBe('| A | B |\n| :--- | --- |\n| 1 | 2 |');
  });
});

describe('a padded table with a column added or removed', () => {
  const table = [
    '| Physicist | Born |   Prize | Field     |',
    '| --------- | ---- | ------: | --------- |',
    '| Planck    | 1858 |    1918 | Quantum   |',
    '| Bohr      | 1885 |    1922 | Atoms     |',
    '',
  ].join('\n');
  const cell = (value: string): JSONContent => ({ type: 'tableCell', content: [paragraph(value)] });
  const withColumn = (rows: JSONContent[], at: number, values: string[]) =>
    rows.forEach((row, index) => {
      const added = cell(values[index]!);
      if (index === 0) added.type = 'tableHeader';
      row.content!.splice(at, 0, added);
    });

  it.each([
    [
      'a column removed: every other cell keeps its padding',
      (rows: JSONContent[]) => rows.forEach((row) => row.content!.splice(1, 1)),
      [
        '| Physicist |   Prize | Field     |',
        '| --------- | ------: | --------- |',
        '| Planck    |    1918 | Quantum   |',
        '| Bohr      |    1922 | Atoms     |',
      ],
    ],
    [
      'a column added: padded to its widest cell, the others as written',
      (rows: JSONContent[]) => withColumn(rows, 4, ['Lab', 'Berlin', 'Copenhagen']),
      [
        '| Physicist | Born |   Prize | Field     | Lab        |',
        '| --------- | ---- | ------: | --------- | ---------- |',
        '| Planck    | 1858 |    1918 | Quantum   | Berlin     |',
        '| Bohr      | 1885 |    1922 | Atoms     | Copenhagen |',
      ],
    ],
    [
      'a column added and a cell outgrowing its column: that column alone is padded anew',
      (rows: JSONContent[]) => {
        withColumn(rows, 0, ['N', '1', '2']);
        rows[1]!.content![4] = cell('Quantum theory');
      },
      [
        '| N   | Physicist | Born |   Prize | Field          |',
        '| --- | --------- | ---- | ------: | -------------- |',
        '| 1   | Planck    | 1858 |    1918 | Quantum theory |',
        '| 2   | Bohr      | 1885 |    1922 | Atoms          |',
      ],
    ],
  ])('%s', (_name, change, expected) => {
    const after = edited(table, (node) => change(node.content!));
    expect(after).toBe(`${expected.join('\n')}\n`);
  });
});
