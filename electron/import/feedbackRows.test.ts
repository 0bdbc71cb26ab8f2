import { describe, expect, it } from 'vitest';
import { mapColumns } from './feedbackRows.js';

const header = ['Company', 'Segment', 'Channel', 'Message'];

describe('mapColumns', () => {
  const cases: [string, string[], object][] = [
    ['guessed', [], { ok: true, columns: { text: 3, customer: 0, segment: 1, source: 2 } }],
    [
      'a guessed field left out with =FIELD',
      ['=customer'],
      { ok: true, columns: { text: 3, segment: 1, source: 2 } },
    ],
    [
      'the text left out: no text column',
      ['=text'],
      {
        ok: false,
        message:
          'x.csv has no text column (columns: Company, Segment, Channel, Message); name it with --map COLUMN=text',
        columns: { customer: 0, segment: 1, source: 2 },
      },
    ],
    [
      'a column named',
      ['Company=title'],
      { ok: true, columns: { text: 3, title: 0, segment: 1, source: 2 } },
    ],
    ['no field', ['Company='], { ok: false, message: "--map needs COLUMN=FIELD or =FIELD, not 'Company='" }],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(mapColumns(header, overrides, 'x.csv')).toEqual(expected);
  });
});
