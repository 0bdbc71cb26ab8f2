/**
 * CSV rows as feedback notes: which column holds which field (guessed from common export headers,
 * or named with `--map COLUMN=FIELD`), each row's fields cleaned up, and a stable hash of the row
 * so a row imported once is recognised when the same export, or a later one, is imported again.
 */
import { createHash } from 'node:crypto';
import { isKey } from '../../shared/grammar/linkGrammar.js';
import { feedbackSources, type FeedbackSource } from '../../shared/model/documentModel.js';
import { addressRefusal, type RefusedAddress } from '../../shared/import/refusedAddress.js';
import { feedbackFields, type FeedbackField } from '../../shared/import/feedbackFields.js';
import type { CsvTable } from './csvTable.js';

export type ColumnMap = Partial<Record<FeedbackField, number>>;

/** Header names common exports use for each field, lower case, best first. */
const knownHeaders: Record<FeedbackField, string[]> = {
  text: [
    'text',
    'feedback',
    'quote',
    'comment',
    'comments',
    'body',
    'message',
    'description',
    'response',
    'answer',
    'review',
    'note',
    'notes',
    'content',
  ],
  title: ['title', 'subject', 'summary', 'headline'],
  customer: [
    'customer',
    'company',
    'account',
    'organization',
    'organisation',
    'customer name',
    'requester',
    'name',
    'user',
  ],
  segment: ['segment', 'plan', 'tier', 'customer segment'],
  source: ['source', 'channel', 'via'],
  date: ['date', 'created', 'created at', 'created_at', 'submitted at', 'submitted', 'timestamp', 'time'],
  url: ['url', 'link', 'ticket url', 'conversation url', 'permalink'],
  about: ['about', 'roadmap', 'roadmap item', 'requirement', 'keys'],
};

/** What people call each source in exports, mapped onto Specbench's five. */
const sourceWords: Record<string, FeedbackSource> = {
  call: 'interview',
  interview: 'interview',
  research: 'interview',
  'user interview': 'interview',
  support: 'support',
  ticket: 'support',
  email: 'support',
  chat: 'support',
  intercom: 'support',
  zendesk: 'support',
  helpdesk: 'support',
  sales: 'sales',
  crm: 'sales',
  deal: 'sales',
  salesforce: 'sales',
  hubspot: 'sales',
  survey: 'survey',
  nps: 'survey',
  csat: 'survey',
  typeform: 'survey',
  review: 'review',
  'app store': 'review',
  'play store': 'review',
  g2: 'review',
  capterra: 'review',
  trustpilot: 'review',
};

export interface FeedbackRow {
  /** File line the row starts on, for messages. */
  line: number;
  /** 16 hex digits of SHA-256 over the row's fields: the same feedback hashes the same in any export. */
  hash: string;
  title: string;
  text: string;
  customer?: string;
  segment?: string;
  source?: string;
  /** `YYYY-MM-DD` when the export wrote an ISO date; otherwise as written. */
  date?: string;
  /** Only http and https addresses are kept. */
  url?: string;
  /** The address the row gave when it is not kept, and why. */
  refusedAddress?: RefusedAddress;
  about: string[];
}

export type ColumnMapResult =
  | { ok: true; columns: ColumnMap }
  /** `columns`: what was read when only the text column is missing, so a preview can ask for it. */
  | { ok: false; message: string; columns?: ColumnMap };

/**
 * Columns for each field: every `COLUMN=FIELD` given, then the best-known header for each field
 * still unmapped. A text column is required.
 */
export function mapColumns(header: string[], overrides: readonly string[], name: string): ColumnMapResult {
  const lower = header.map((cell) => cell.toLowerCase());
  const columns: ColumnMap = {};
  const used = new Set<number>();
  /** Fields named with no column (`=customer`): not imported, and not guessed either. */
  const left = new Set<string>();
  for (const override of overrides) {
    const separator = override.lastIndexOf('=');
    const column = override.slice(0, separator).trim();
    const field = override
      .slice(separator + 1)
      .trim()
      .toLowerCase();
    if (separator < 0 || field === '')
      return failure(`--map needs COLUMN=FIELD or =FIELD, not '${override}'`);
    if (!(feedbackFields as readonly string[]).includes(field)) {
      return failure(`--map: '${field}' is not a field (${feedbackFields.join(', ')})`);
    }
    if (column === '') {
      left.add(field);
      continue;
    }
    const index = lower.indexOf(column.toLowerCase());
    if (index === -1) return failure(`--map: ${name} has no column '${column}' (columns: ${listed(header)})`);
    columns[field as FeedbackField] = index;
    used.add(index);
  }
  for (const field of feedbackFields) {
    if (columns[field] !== undefined || left.has(field)) continue;
    for (const known of knownHeaders[field]) {
      const index = lower.indexOf(known);
      if (index !== -1 && !used.has(index)) {
        columns[field] = index;
        used.add(index);
        break;
      }
    }
  }
  if (columns.text === undefined) {
    return {
      ok: false,
      message: `${name} has no text column (columns: ${listed(header)}); name it with --map COLUMN=text`,
      columns,
    };
  }
  return { ok: true, columns };
}

/** Each row with text as a note's fields; rows without text are counted, not imported. */
export function feedbackRows(
  table: CsvTable,
  columns: ColumnMap,
  defaultSource?: FeedbackSource,
): { rows: FeedbackRow[]; empty: number } {
  const rows: FeedbackRow[] = [];
  let empty = 0;
  for (const { cells, line } of table.rows) {
    const cell = (field: FeedbackField): string => {
      const index = columns[field];
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const text = cell('text').replace(/\r\n?/g, '\n').trim();
    if (text === '') {
      empty++;
      continue;
    }
    const row: FeedbackRow = {
      line,
      hash: '',
      title: oneLine(cell('title'), 120) || titleFrom(text),
      text,
      about: cell('about')
        .split(/[\s,;]+/)
        .filter((key) => isKey(key)),
    };
    const customer = oneLine(cell('customer'), 200);
    if (customer !== '') row.customer = customer;
    const segment = oneLine(cell('segment'), 200);
    if (segment !== '') row.segment = segment;
    const source = sourceOf(cell('source')) ?? defaultSource;
    if (source !== undefined) row.source = source;
    const date = dateOf(cell('date'));
    if (date !== undefined) row.date = date;
    const url = cell('url').trim();
    const refusal = url === '' ? undefined : addressRefusal(url);
    if (refusal !== undefined) row.refusedAddress = { line, address: url, reason: refusal };
    else if (url !== '') row.url = url;
    row.hash = rowHash(row);
    rows.push(row);
  }
  return { rows, empty };
}

/** Whitespace and case do not matter: a re-export that re-wraps a quote is the same row. */
function rowHash(row: FeedbackRow): string {
  const parts = [row.text, row.customer ?? '', row.date ?? '', row.url ?? ''].map((part) =>
    part.replace(/\s+/g, ' ').trim().toLowerCase(),
  );
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

function sourceOf(value: string): string | undefined {
  const word = value.trim().toLowerCase();
  if (word === '') return undefined;
  if ((feedbackSources as readonly string[]).includes(word)) return word;
  return sourceWords[word] ?? oneLine(value, 60);
}

function dateOf(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const iso = /^([0-9]{4})[-/]([0-9]{2})[-/]([0-9]{2})(?:$|[T ])/.exec(trimmed);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : oneLine(trimmed, 60);
}

/** The first sentence, or the first words, of the text as a title. */
function titleFrom(text: string): string {
  const flat = oneLine(text, 10_000).replace(/^[#>*+\-\s]+/, '') || oneLine(text, 10_000);
  const sentence = /^(.{8,}?[.!?])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence.length <= 72) return sentence.replace(/[.]$/, '');
  const cut = sentence.lastIndexOf(' ', 70);
  return `${sentence.slice(0, cut > 30 ? cut : 70).replace(/[,;:]$/, '')}…`;
}

function oneLine(value: string, limit: number): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, limit);
}

function listed(header: string[]): string {
  const names = header.filter((cell) => cell !== '');
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ') || 'none';
}

function failure(message: string): ColumnMapResult {
  return { ok: false, message };
}
