/**
 * A table written anew (its edit could not be spliced into the source) keeps what the edit did not
 * touch: the delimiter row as written (`|---|`, its colons, its width) while the columns and their
 * alignment are the same, and every row whose cells read the same, as written. Rows it writes anew
 * follow the table's own style: `|a|b|` in a table written without spaces around its cells.
 */
import type { JSONContent } from '@tiptap/core';
import { fingerprintOf } from './blockAlignment.js';
import { isPaddedTable } from './markdownStyle.js';
import { keepPaddedColumns } from './tableColumnsKeep.js';
import { alignOf, cellsOf, delimiterCell } from './tableLayout.js';

function cellTexts(line: string): string {
  return JSON.stringify(cellsOf(line).map((cell) => cell.trim()));
}

function delimiterShape(line: string): string {
  return JSON.stringify(cellsOf(line).map((cell) => alignOf(cell) ?? ''));
}

interface TableStyle {
  /** Cells written without a space inside their pipes: `|a|b|`. */
  tight: boolean;
  /** Rows start and end with a pipe. */
  outerPipes: boolean;
}

/** How a table's rows are written, from its lines (delimiter row included). */
function tableStyle(lines: readonly string[]): TableStyle {
  const rows = lines.filter((line) => line.trim() !== '');
  const cells = rows.flatMap(cellsOf).filter((cell) => cell !== '');
  return {
    tight: cells.length > 0 && cells.every((cell) => cell === cell.trim()),
    outerPipes: rows.every((line) => /^\s*\|.*\|\s*$/.test(line)),
  };
}

/** A line the codec wrote (`| a | b |`) in a tight table's style. */
function tightLine(line: string, style: TableStyle, delimiter: boolean): string {
  const cells = cellsOf(line).map((cell) => cell.trim());
  const written = delimiter ? cells.map((cell) => delimiterCell(alignOf(cell), 3)) : cells;
  const joined = written.join('|');
  // Without outer pipes an empty first or last cell would vanish: write them there.
  const bare = !style.outerPipes && written[0] !== '' && written.at(-1) !== '';
  return bare ? joined : `|${joined}|`;
}

/** `rendered` (the edited table as the codec writes it) with `old`'s untouched lines, or `rendered`. */
export function keepTableSource(
  old: string,
  rendered: string,
  parseBlock: (markdown: string) => JSONContent | undefined,
): string {
  const trailing = /\n*$/.exec(old)![0];
  const oldLines = old.slice(0, old.length - trailing.length).split('\n');
  const lines = rendered.split('\n');
  if (oldLines.length < 2 || lines.length < 2) return rendered;
  if (!/^[ \t|:-]+$/.test(oldLines[1]!) || !/^[ \t|:-]+$/.test(lines[1]!)) return rendered;
  const style = tableStyle(oldLines);
  const kept = style.tight ? lines.map((line, index) => tightLine(line, style, index === 1)) : [...lines];
  if (delimiterShape(oldLines[1]!) === delimiterShape(lines[1]!)) kept[1] = oldLines[1]!;
  // Rows in order: each new row takes the next old row that reads the same (rows added or removed between).
  let next = 0;
  kept.forEach((_line, index) => {
    if (index === 1) return;
    for (let candidate = next; candidate < oldLines.length; candidate++) {
      if (candidate === 1 || (index === 0) !== (candidate === 0)) continue;
      if (cellTexts(oldLines[candidate]!) === cellTexts(lines[index]!)) {
        kept[index] = oldLines[candidate]!;
        next = candidate + 1;
        return;
      }
    }
  });
  let result = kept.join('\n');
  // A table padded to its columns stays aligned: old lines of other widths would break that; its
  // untouched cells keep their padding instead (a column added or removed).
  if (isPaddedTable(rendered) && (result === rendered || !isPaddedTable(result)))
    result = keepPaddedColumns(old.slice(0, old.length - trailing.length), rendered) ?? rendered;
  if (result === rendered) return rendered;
  const expected = parseBlock(rendered);
  return expected && fingerprintOf(parseBlock(result)) === fingerprintOf(expected) ? result : rendered;
}
