/**
 * Table lines as cells and back: written padded to one width per column (measured in display
 * columns, so CJK and emoji line up) or compact, as a tool that keeps tables aligned writes them.
 */
import { type JSONContent } from '@tiptap/core';
import stringWidth from 'string-width';

export type ColumnAlign = 'left' | 'right' | 'center' | undefined;

/** The parts of a line between its unescaped pipes, the ones before the first and after the last included. */
export function partsOf(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let index = 0; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === '|') {
      parts.push(line.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

/** The cells of a table line between its unescaped pipes, with the outer pipes' empty ends dropped. */
export function cellsOf(line: string): string[] {
  const cells = partsOf(line);
  if (cells.length > 1 && cells[0]!.trim() === '') cells.shift();
  if (cells.length > 1 && cells[cells.length - 1]!.trim() === '') cells.pop();
  return cells;
}

export function alignOf(delimiter: string): ColumnAlign {
  const cell = delimiter.trim();
  if (/^:-*:$/.test(cell)) return 'center';
  if (/^:/.test(cell)) return 'left';
  if (/:$/.test(cell)) return 'right';
  return undefined;
}

/** A delimiter cell `width` columns wide (at least three dashes' worth). */
export function delimiterCell(align: ColumnAlign, width: number): string {
  const colons = align === 'center' ? 2 : align ? 1 : 0;
  const dashes = '-'.repeat(Math.max(3 - colons, width - colons, 1));
  if (align === 'center') return `:${dashes}:`;
  if (align === 'left') return `:${dashes}`;
  if (align === 'right') return `${dashes}:`;
  return dashes;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Rewrites a table (as TipTap renders it: header, delimiter row, body rows) padded or compact. */
export function formatTable(markdown: string, padded: boolean): string {
  const lines = markdown.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return markdown.trim();
  const rows = lines.map((line) => cellsOf(line).map((cell) => cell.trim()));
  const aligns = rows[1]!.map(alignOf);
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) =>
    padded
      ? Math.max(3, ...rows.filter((_, index) => index !== 1).map((row) => stringWidth(row[column] ?? '')))
      : 3,
  );
  return rows
    .map((row, index) => {
      const cells = Array.from({ length: columns }, (_, column) =>
        index === 1
          ? delimiterCell(aligns[column], widths[column]!)
          : padded
            ? padEnd(row[column] ?? '', widths[column]!)
            : (row[column] ?? ''),
      );
      return `| ${cells.join(' | ')} |`;
    })
    .join('\n');
}

// TipTap's table writer collapses every `\s` run in a cell, and `\s` includes the no-break space.
const heldNoBreakSpace = '\uF8F4';

/**
 * A copy of a table whose cell text holds a placeholder for each no-break space (U+00A0), so the
 * table writer cannot turn them into plain spaces; `restoreNoBreakSpaces` puts them back.
 */
export function holdNoBreakSpaces(node: JSONContent): JSONContent {
  if (node.type === 'text')
    return node.text?.includes('\u00a0')
      ? { ...node, text: node.text.replace(/\u00a0/g, heldNoBreakSpace) }
      : node;
  return node.content ? { ...node, content: node.content.map(holdNoBreakSpaces) } : node;
}

export function restoreNoBreakSpaces(markdown: string): string {
  return markdown.replaceAll(heldNoBreakSpace, '\u00a0');
}
