/**
 * A padded table written anew after a column was added or removed: every cell the edit did not touch
 * keeps its own text and padding, so `git diff --word-diff` shows the column and nothing else. A
 * column keeps its width while its cells fit; a new column, or one whose text outgrew it, is padded
 * to its widest cell, so the table stays aligned.
 */
import stringWidth from 'string-width';
import { isPaddedTable } from './markdownStyle.js';
import { alignOf, delimiterCell, partsOf } from './tableLayout.js';

/** Cells of a padded line (indentation and the empty ends outside the outer pipes kept apart). */
function split(line: string): { before: string; cells: string[]; after: string } | undefined {
  const parts = partsOf(line);
  if (parts.length < 3 || parts[0]!.trim() !== '' || parts.at(-1)!.trim() !== '') return undefined;
  return { before: parts[0]!, cells: parts.slice(1, -1), after: parts.at(-1)! };
}

/** Which old column each new column is (by header text, in order), by longest common subsequence. */
function columnMap(oldHeader: string[], newHeader: string[]): (number | undefined)[] {
  const a = oldHeader.map((cell) => cell.trim());
  const b = newHeader.map((cell) => cell.trim());
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] =
        a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const map: (number | undefined)[] = new Array(b.length).fill(undefined);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) map[j++] = i++;
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return map;
}

const fits = (cell: string, width: number): boolean => stringWidth(cell.trim()) + 2 <= width;

/** `rendered` with the untouched cells of `old` as written, or undefined when the layout does not allow it. */
export function keepPaddedColumns(old: string, rendered: string): string | undefined {
  if (!isPaddedTable(old) || !isPaddedTable(rendered)) return undefined;
  const oldRows = old.split('\n').map(split);
  const newRows = rendered.split('\n').map(split);
  if (oldRows.some((row) => row === undefined) || newRows.some((row) => row === undefined)) return undefined;
  const before = oldRows as NonNullable<(typeof oldRows)[number]>[];
  const after = newRows as NonNullable<(typeof newRows)[number]>[];
  const map = columnMap(before[0]!.cells, after[0]!.cells);
  if (map.every((column) => column === undefined)) return undefined;
  const widths = after[0]!.cells.map((cell, column) => {
    const from = map[column];
    const kept = from === undefined ? undefined : stringWidth(before[1]!.cells[from]!);
    const texts = after.filter((_, index) => index !== 1).map((row) => row.cells[column] ?? '');
    return kept !== undefined && texts.every((text) => fits(text, kept)) ? kept : stringWidth(cell);
  });
  // Rows in order: each new row takes the next old row whose kept columns read the same.
  const keptText = (row: string[], columns: (number | undefined)[]) =>
    JSON.stringify(columns.flatMap((column) => (column === undefined ? [] : [row[column]!.trim()])));
  let next = 2;
  const lines = after.map((row, index) => {
    let source: string[] | undefined;
    if (index === 0) source = before[0]!.cells;
    else if (index === 1) source = before[1]!.cells;
    else {
      const wanted = keptText(
        row.cells,
        map.map((column, at) => (column === undefined ? undefined : at)),
      );
      for (let candidate = next; candidate < before.length; candidate++) {
        if (keptText(before[candidate]!.cells, map) === wanted) {
          source = before[candidate]!.cells;
          next = candidate + 1;
          break;
        }
      }
      // A row edited in place: its untouched cells are those of the next old row that read the same.
      source ??= before[next]?.cells;
    }
    const cells = row.cells.map((cell, column) => {
      const from = map[column];
      const width = widths[column]!;
      const written = source && from !== undefined ? source[from] : undefined;
      if (index === 1) {
        const align = alignOf(cell);
        return written !== undefined && stringWidth(written) === width && alignOf(written) === align
          ? written
          : ` ${delimiterCell(align, width - 2)} `;
      }
      if (written !== undefined && stringWidth(written) === width && written.trim() === cell.trim())
        return written;
      const text = cell.trim();
      return ` ${text}${' '.repeat(Math.max(0, width - 1 - stringWidth(text)))}`;
    });
    return `${before[Math.min(index, before.length - 1)]!.before}|${cells.join('|')}|${row.after}`;
  });
  const result = lines.join('\n');
  return isPaddedTable(result) ? result : undefined;
}
