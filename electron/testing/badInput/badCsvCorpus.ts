/**
 * CSV exports that `specbench import feedback` must refuse with one line and nothing written, or
 * import whole: wrong encodings, broken quoting, binary data, sizes past the limits, and content that
 * would turn into Markdown syntax, links or script if it were written into a note as it is.
 */
import type { CaseContent } from './badInputCorpus.js';

export interface BadCsvCase {
  name: string;
  csv: CaseContent;
  /** Extra arguments after the file name. */
  args?: string[];
  /** How many notes a good import writes; `refused` when it must exit 2 and write nothing. */
  expected: number | 'refused';
}

const header = 'Created at,Company,Message\n';
const rows = (count: number, text: (index: number) => string) =>
  header +
  Array.from({ length: count }, (_, index) => `2026-10-04,Acme ${index},"${text(index)}"\n`).join('');

export const badCsvCases: readonly BadCsvCase[] = [
  { name: 'a healthy export (control)', csv: rows(3, (index) => `Idea number ${index}`), expected: 3 },
  {
    name: 'Latin-1 bytes',
    csv: new Uint8Array([...Buffer.from(header + '2026,Caf'), 0xe9, 0x2c, 0x78, 0x0a]),
    expected: 'refused',
  },
  {
    name: 'UTF-16 with a byte-order mark',
    csv: new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from(
        rows(1, () => 'x'),
        'utf16le',
      ),
    ]),
    expected: 'refused',
  },
  { name: 'UTF-8 with a byte-order mark', csv: `\uFEFF${rows(1, () => 'Fine')}`, expected: 1 },
  { name: 'binary data', csv: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 8, 0]), expected: 'refused' },
  { name: 'a 50 MB file', csv: () => rows(1, () => 'x'.repeat(50 * 1024 * 1024)), expected: 'refused' },
  { name: '10,001 rows', csv: () => rows(10_001, (index) => `Row ${index}`), expected: 'refused' },
  { name: 'no text column', csv: 'Name,Email\nDana,dana@example.com\n', expected: 'refused' },
  { name: 'only a header', csv: header, expected: 0 },
  { name: 'an empty file', csv: '', expected: 'refused' },
  { name: 'a quote never closed', csv: `${header}2026,Acme,"open\n`, expected: 'refused' },
  { name: 'a stray quote inside a cell', csv: `${header}2026,Acme,half"quoted\n`, expected: 'refused' },
  { name: 'more cells than columns', csv: `${header}2026,Acme,x,y,z\n`, expected: 'refused' },
  {
    name: 'a header of 5,000 columns',
    csv: () =>
      `${Array.from({ length: 5_000 }, (_, index) => `c${index}`).join(',')},text\n${','.repeat(5_000)}hi\n`,
    expected: 1,
  },
  {
    name: 'Markdown, links, HTML and formulas in the text',
    csv: rows(
      1,
      () =>
        '# Heading\n> quote\n:::requirement{#REQ-1}\n[[SPEC-1]] [x](javascript:alert(1)) <script>alert(1)</script> =HYPERLINK(""http://evil"") ---',
    ),
    expected: 1,
  },
  {
    name: 'semicolons and tabs as separators',
    csv: 'Message;Company\n"a; b";Acme\nc;Contoso\n',
    expected: 2,
  },
  {
    name: 'CRLF, blank lines and rows repeated',
    csv: `${header}2026-10-04,A,"x"\r\n\r\n2026-10-04,A,"x"\r\n`,
    expected: 1,
  },
  {
    name: 'a --map naming no column',
    csv: rows(1, () => 'x'),
    args: ['--map', 'Nope=text'],
    expected: 'refused',
  },
  {
    name: 'a --map without a field',
    csv: rows(1, () => 'x'),
    args: ['--map', 'Message'],
    expected: 'refused',
  },
];
