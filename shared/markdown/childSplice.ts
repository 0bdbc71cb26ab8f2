/**
 * List items and table rows added or removed in a block's source: where each old item or row lies
 * (from the source map of its text), and a new one written like its neighbour (the same marker,
 * indentation and spacing, the next number; a row in the table's layout).
 */
import { type JSONContent } from '@tiptap/core';
import { type Change } from './blockChanges.js';
import { type TextblockMap } from './inlineSourceMap.js';
import stringWidth from 'string-width';
import { isPaddedTable } from './markdownStyle.js';
import { cellsOf, padEnd } from './tableLayout.js';
import { boxCharacter, taskBoxPattern } from './taskBox.js';

/** One edit of the block source, in its old coordinates. */
export interface SourceEdit {
  from: number;
  to: number;
  text: string;
}

export interface ChildHelpers {
  renderInline(content: JSONContent[]): string;
  renderBlock(node: JSONContent): string;
}

function startsWith(path: number[], prefix: number[]): boolean {
  return prefix.length <= path.length && prefix.every((value, index) => path[index] === value);
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

const markerLine = new RegExp(
  String.raw`^([ \t]*)(?:([-*+])|(\d{1,9})([.)]))([ \t]+|$)(?:(${taskBoxPattern})([ \t]+|$))?`,
);

interface Marker {
  /** Indentation before the marker. */
  indent: string;
  bullet: string | undefined;
  number: number | undefined;
  /** Where the number starts and its text, for renumbering. */
  numberAt: number;
  numberText: string;
  delimiter: string;
  spacing: string;
  checkboxSpacing: string | undefined;
}

/** Where the items of one list lie in the block source. */
export class ListLayout {
  constructor(
    private readonly text: string,
    private readonly maps: TextblockMap[],
    private readonly path: number[],
    private readonly count: number,
  ) {}

  /** The start of item `index`'s marker line, when its first child is a paragraph with a map. */
  start(index: number): number | undefined {
    const first = this.maps.find((map) => startsWith(map.path, [...this.path, index]));
    if (!first || first.code || first.path.length !== this.path.length + 2 || first.path.at(-1) !== 0)
      return undefined;
    return lineStart(this.text, first.from);
  }

  /** The end of item `index`'s last line that is not blank (before its line break). */
  end(index: number): number | undefined {
    if (index + 1 < this.count) {
      const next = this.start(index + 1);
      if (next === undefined || next === 0) return undefined;
      let end = next - 1;
      while (end > 0 && /^[ \t>]*$/.test(this.text.slice(lineStart(this.text, end), end)))
        end = lineStart(this.text, end) - 1;
      return end;
    }
    if (this.path.length === 0) return this.text.length;
    return this.lastTextLineEnd(index);
  }

  /**
   * The end of the line holding the last text of item `index` (the last item of a nested list, whose
   * end no next item marks). A fence or a block with no text after it is past that line: the caller's
   * read-back check refuses an edit that cuts there.
   */
  private lastTextLineEnd(index: number): number | undefined {
    const inside = this.maps.filter((map) => startsWith(map.path, [...this.path, index]));
    const last = inside.reduce<TextblockMap | undefined>(
      (latest, map) => (latest && latest.to >= map.to ? latest : map),
      undefined,
    );
    if (!last || last.code) return undefined;
    const end = this.text.indexOf('\n', last.to);
    return end === -1 ? this.text.length : end;
  }

  marker(index: number): Marker | undefined {
    const start = this.start(index);
    if (start === undefined) return undefined;
    const line = this.text.slice(
      start,
      this.text.indexOf('\n', start) === -1 ? undefined : this.text.indexOf('\n', start),
    );
    const match = markerLine.exec(line);
    if (!match) return undefined;
    return {
      indent: match[1]!,
      bullet: match[2],
      number: match[3] === undefined ? undefined : Number(match[3]),
      numberAt: start + match[1]!.length,
      numberText: match[3] ?? '',
      delimiter: match[4] ?? '',
      spacing: match[5] || ' ',
      checkboxSpacing: match[6] === undefined ? undefined : match[7] || ' ',
    };
  }

  /** The text between two items (a line break, or a blank line in a loose list). */
  gap(): string {
    if (this.count < 2) return '\n';
    const end = this.end(0);
    const next = this.start(1);
    return end === undefined || next === undefined ? '\n' : this.text.slice(end, next);
  }

  /** Whether the items are numbered one up from the first. */
  sequential(): boolean {
    const numbers = Array.from({ length: this.count }, (_, index) => this.marker(index)?.number);
    return numbers.every((number, index) => number !== undefined && number === numbers[0]! + index);
  }
}

/** The new item's Markdown, its marker and spacing as `like`'s, numbered `number`; `loose`: blocks set apart by blank lines. */
export function itemText(
  node: JSONContent,
  like: Marker,
  number: number | undefined,
  helpers: ChildHelpers,
  loose = false,
): string | undefined {
  const [first, ...rest] = node.content ?? [];
  if (first?.type !== 'paragraph') return undefined;
  const marker = like.bullet ?? `${number ?? like.number}${like.delimiter}`;
  const checkbox =
    node.type === 'taskItem' ? `[${boxCharacter(node.attrs)}]${like.checkboxSpacing ?? ' '}` : '';
  if (node.type === 'taskItem' && like.checkboxSpacing === undefined) return undefined;
  const head = `${like.indent}${marker}${like.spacing}`;
  const continuation = like.indent + ' '.repeat(stringWidth(marker) + like.spacing.length);
  const indented = (markdown: string) =>
    markdown
      .split('\n')
      .map((line) => (line === '' ? '' : continuation + line))
      .join('\n');
  // An item just made (Enter at the end of the one before): no trailing spaces, the text typed next gets one.
  if ((first.content ?? []).length === 0 && rest.length === 0) return (head + checkbox).trimEnd();
  let text = head + checkbox + helpers.renderInline(first.content ?? []).replace(/\n/g, `\n${continuation}`);
  for (const child of rest) {
    text += (loose || child.type === 'paragraph' ? '\n\n' : '\n') + indented(helpers.renderBlock(child));
  }
  return text;
}

/** The edits that add or remove one item of the list at `change.path`. */
export function listEdits(
  text: string,
  maps: TextblockMap[],
  list: JSONContent,
  change: Extract<Change, { kind: 'insert' | 'remove' }>,
  helpers: ChildHelpers,
): SourceEdit[] | undefined {
  const layout = new ListLayout(text, maps, change.path, (list.content ?? []).length);
  const gap = layout.gap();
  if (change.kind === 'remove') {
    const index = change.index;
    if (index > 0) {
      const from = layout.end(index - 1);
      const to = layout.end(index);
      return from === undefined || to === undefined ? undefined : [{ from, to, text: '' }];
    }
    const from = layout.start(0);
    const to = layout.start(1);
    return from === undefined || to === undefined ? undefined : [{ from, to, text: '' }];
  }
  const likeIndex = Math.max(0, change.after);
  const like = layout.marker(likeIndex);
  if (!like) return undefined;
  const sequential = like.number !== undefined && layout.sequential();
  const first = sequential ? layout.marker(0)!.number! : undefined;
  const number = first !== undefined ? first + change.newIndex : like.number;
  const item = itemText(change.node, like, number, helpers, list.attrs?.loose === true);
  if (item === undefined) return undefined;
  if (change.after < 0) {
    const at = layout.start(0);
    return at === undefined ? undefined : [{ from: at, to: at, text: item + gap }];
  }
  const at = layout.end(change.after);
  return at === undefined ? undefined : [{ from: at, to: at, text: gap + item }];
}

/** The number edits that keep a sequentially numbered list numbered after items came or went. */
export function renumberingOf(
  layout: ListLayout,
  count: number,
  newIndexOf: (oldIndex: number) => number | undefined,
): SourceEdit[] {
  if (!layout.sequential()) return [];
  const first = layout.marker(0)!.number!;
  const edits: SourceEdit[] = [];
  for (let index = 0; index < count; index++) {
    const newIndex = newIndexOf(index);
    const marker = layout.marker(index);
    if (newIndex === undefined || !marker) continue;
    const wanted = String(first + newIndex);
    // A number of another width would move the item's content column: leave it as it was.
    if (wanted === marker.numberText || wanted.length !== marker.numberText.length) continue;
    edits.push({ from: marker.numberAt, to: marker.numberAt + marker.numberText.length, text: wanted });
  }
  return edits;
}

/** The edits that add or remove one row of a table block (rows after the header only). */
export function rowEdits(
  text: string,
  change: Extract<Change, { kind: 'insert' | 'remove' }>,
  helpers: ChildHelpers,
): SourceEdit[] | undefined {
  const lines = text.split('\n');
  const lineEnd = (row: number) => {
    const line = row === 0 ? 1 : row + 1;
    return lines.slice(0, line + 1).join('\n').length;
  };
  if (change.kind === 'remove') {
    if (change.index === 0) return undefined;
    const to = lineEnd(change.index);
    return [{ from: to - lines[change.index + 1]!.length - 1, to, text: '' }];
  }
  if (change.after < 0) return undefined;
  const row = rowText(lines, change.node, helpers, isPaddedTable(text));
  return row === undefined
    ? undefined
    : [{ from: lineEnd(change.after), to: lineEnd(change.after), text: `\n${row}` }];
}

/** A new row laid out like the table's header line: its indentation, outer pipes and column widths. */
function rowText(
  lines: string[],
  row: JSONContent,
  helpers: ChildHelpers,
  padded: boolean,
): string | undefined {
  const header = lines[0]!;
  const delimiter = cellsOf(lines[1]!);
  const indent = /^[ \t]*/.exec(header)![0];
  const trimmed = header.trim();
  const leading = trimmed.startsWith('|');
  const trailing = trimmed.endsWith('|') && !trimmed.endsWith('\\|');
  const cells: string[] = [];
  for (const [index, cell] of (row.content ?? []).entries()) {
    const inline = helpers.renderInline(cell.content?.[0]?.content ?? []);
    if (inline.includes('\n') || (cell.content ?? []).length > 1) return undefined;
    const content = inline.replace(/\\.|\|/g, (match) => (match === '|' ? '\\|' : match));
    const width = stringWidth(delimiter[index] ?? '');
    const last = index === (row.content ?? []).length - 1;
    const lead = index === 0 && !leading ? '' : ' ';
    const segment = `${lead}${content}${last && !trailing ? '' : ' '}`;
    cells.push(padded && !(last && !trailing) ? padEnd(segment, width) : segment);
  }
  return `${indent}${leading ? '|' : ''}${cells.join('|')}${trailing ? '|' : ''}`;
}

/** Where child `index` of a top-level quote starts: the line of its first text, unless a fence or other line comes first. */
function quoteChildStart(text: string, maps: TextblockMap[], index: number): number | undefined {
  const first = maps.find((map) => map.path[0] === index);
  if (!first || first.code || first.path.slice(1).some((step) => step !== 0)) return undefined;
  return lineStart(text, first.from);
}

/** The edits that add or remove one child block of a top-level quote, written with its `>` prefix. */
export function quoteEdits(
  text: string,
  maps: TextblockMap[],
  quote: JSONContent,
  change: Extract<Change, { kind: 'insert' | 'remove' }>,
  helpers: ChildHelpers,
): SourceEdit[] | undefined {
  if (change.path.length !== 0) return undefined;
  const count = (quote.content ?? []).length;
  const start = (index: number) => quoteChildStart(text, maps, index);
  const end = (index: number): number | undefined => {
    if (index + 1 >= count) return text.length;
    const next = start(index + 1);
    if (next === undefined || next === 0) return undefined;
    let at = next - 1;
    while (at > 0 && /^[ \t>]*$/.test(text.slice(lineStart(text, at), at))) at = lineStart(text, at) - 1;
    return at;
  };
  if (change.kind === 'remove') {
    const from = change.index > 0 ? end(change.index - 1) : start(0);
    const to = change.index > 0 ? end(change.index) : start(1);
    return from === undefined || to === undefined ? undefined : [{ from, to, text: '' }];
  }
  const first = start(0);
  if (first === undefined) return undefined;
  const prefix = /^[ \t]*>[ \t]?/.exec(text.slice(first))?.[0];
  if (prefix === undefined) return undefined;
  const blank = /\n([ \t]*>[ \t]*)\n/.exec(text)?.[1] ?? prefix.trimEnd();
  const gap = `\n${blank}\n`;
  const child = helpers
    .renderBlock(change.node)
    .split('\n')
    .map((line) => (line === '' ? blank : prefix + line))
    .join('\n');
  if (change.after < 0) return [{ from: first, to: first, text: child + gap }];
  const at = end(change.after);
  return at === undefined ? undefined : [{ from: at, to: at, text: gap + child }];
}
