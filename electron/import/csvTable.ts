/**
 * A CSV export (Intercom, Zendesk, a survey tool) read into a header and rows with csv-parse, or one
 * sentence saying why not: too large, not UTF-8, binary, or not well-formed CSV at a given line.
 * Commas, semicolons (spreadsheets in many locales) and tabs are told apart by the header line.
 */
import { parse } from 'csv-parse/sync';

import { csvByteLimit, tooLargeMessage } from '../../shared/import/csvLimits.js';

export { csvByteLimit, tooLargeMessage };
export const csvRowLimit = 10_000;

export interface CsvTable {
  header: string[];
  /** Each row's cells by column, and the file line the row starts on. */
  rows: { cells: string[]; line: number }[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; message: string };

/** `name` is how messages call the file (`intercom.csv`). */
export function readCsv(bytes: Uint8Array, name: string): CsvResult {
  if (bytes.length > csvByteLimit) return fail(tooLargeMessage(bytes.length, name));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(`${name} is UTF-16 text; save it as UTF-8 CSV and import it again`);
  }
  if (bytes.includes(0)) return fail(`${name} is not a CSV file (it holds binary data)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { line, byte } = firstInvalidByte(bytes);
    return fail(
      `${name} is not UTF-8 (byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} on line ${line}); export it again as UTF-8 CSV`,
    );
  }
  if (text.trim() === '') return fail(`${name} is empty`);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      info: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count_less: true,
      max_record_size: csvByteLimit,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return fail(`${name}: ${parseProblem(error)}`);
  }
  const [header, ...rest] = records;
  if (!header) return fail(`${name} is empty`);
  if (rest.length > csvRowLimit) {
    return fail(
      `${name} has ${rest.length.toLocaleString('en')} rows, more than the ${csvRowLimit.toLocaleString('en')} an import takes; split it`,
    );
  }
  const columns = header.record.map((cell) => cell.trim());
  return {
    ok: true,
    table: {
      header: columns,
      rows: rest.map(({ record, info }) => ({
        cells: columns.map((_, index) => record[index] ?? ''),
        line: info.lines - lineBreaks(record),
      })),
    },
  };
}

/** Why a file of `size` bytes is refused, before it is read. */
/** The separator the header line uses most, outside quotes: comma, semicolon or tab. */
function delimiterOf(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const character of text.slice(0, 64 * 1024)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** Line breaks inside a record's quoted cells: `info.lines` counts to the record's last line. */
function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const cell of record) for (const character of cell) if (character === '\n') breaks++;
  return breaks;
}

/** csv-parse's error in a user's words: what is wrong and on which line. */
function parseProblem(error: unknown): string {
  const { code, lines, message } = error as { code?: string; lines?: number; message?: string };
  const where = lines === undefined ? '' : ` on line ${lines}`;
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted cell is never closed (the file ends inside it)';
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `a quote inside a cell${where} is not doubled ("" stands for one ")`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return `a row${where} has more cells than the header has columns`;
    case 'CSV_MAX_RECORD_SIZE':
      return `a row${where} is too large`;
    default:
      return `not valid CSV${where} (${(message ?? String(error)).split('\n')[0]})`;
  }
}

function firstInvalidByte(bytes: Uint8Array): { line: number; byte: number } {
  let line = 1;
  for (let index = 0; index < bytes.length;) {
    const byte = bytes[index]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    const valid =
      length > 0 &&
      index + length <= bytes.length &&
      [...bytes.subarray(index + 1, index + length)].every((next) => next >= 0x80 && next < 0xc0);
    if (!valid) return { line, byte };
    if (byte === 0x0a) line++;
    index += length;
  }
  return { line, byte: bytes.at(-1) ?? 0 };
}

function fail(message: string): CsvResult {
  return { ok: false, message };
}
