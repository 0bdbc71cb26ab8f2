/**
 * Keeps a padded table as written after its cells or rows changed, changing only what was typed:
 * every row the edit did not touch stays byte for byte (the delimiter row too). In a row that
 * changed, a cell whose text still fits its column takes from or gives back padding so the row
 * keeps its width; a cell that outgrows its column keeps one space of padding and makes its row
 * wider, as editing the raw text in Obsidian or any text editor leaves it (valid Markdown: a
 * table's pipes need not line up). Widths are display columns, so CJK and emoji line up. A table
 * that was not padded is left as it is.
 */
import stringWidth from 'string-width';
import { isPaddedTable } from './markdownStyle.js';
import { partsOf } from './tableLayout.js';

function leadOf(part: string): string {
  return /^[ \t]*/.exec(part)![0] || ' ';
}

/** The width a content cell needs: its leading space, its text and one space after it. */
function needed(part: string): number {
  return stringWidth(leadOf(part)) + stringWidth(part.trim()) + 1;
}

/** Columns whose cells are padded on the left (right-aligned numbers, as some formatters write them). */
function rightPadded(lines: string[][], column: number): boolean {
  const cells = lines.filter((_, index) => index !== 1).map((parts) => parts[column]!);
  return (
    cells.every((cell) => / $/.test(cell) && !/ {2}$/.test(cell)) && cells.some((cell) => /^ {2}/.test(cell))
  );
}

/** `edited` (the table after the edit) with its changed cells fitted to their columns, or undefined. */
export function realignTable(original: string, edited: string): string | undefined {
  if (!isPaddedTable(original)) return undefined;
  const originalLines = original.split('\n');
  const oldLines = originalLines.map(partsOf);
  const editedLines = edited.split('\n');
  const lines = editedLines.map(partsOf);
  const count = oldLines[0]!.length;
  if (lines.length < 2 || lines.some((parts) => parts.length !== count)) return undefined;
  // A row written exactly as one of the table's rows was is not touched (rows added or removed between).
  const untouched = new Set(originalLines);
  // Inner parts are cells; the outer ones are indentation before a leading pipe and nothing after a trailing one.
  const first = oldLines[0]![0]!.trim() === '' ? 1 : 0;
  const last = oldLines[0]![count - 1]!.trim() === '' ? count - 2 : count - 1;
  for (let column = first; column <= last; column++) {
    // The last cell of a table without a closing pipe has no width to keep.
    if (column === count - 1) continue;
    const width = stringWidth(oldLines[1]![column]!);
    const right = rightPadded(oldLines, column);
    lines.forEach((parts, index) => {
      const part = parts[column]!;
      if (index === 1 || untouched.has(editedLines[index]!) || stringWidth(part) === width) return;
      parts[column] = padded(part, Math.max(width, needed(part)), right);
    });
  }
  return lines.map((parts) => parts.join('|')).join('\n');
}

function padded(part: string, width: number, right: boolean): string {
  const content = part.trim();
  if (right) return ' '.repeat(Math.max(1, width - stringWidth(content) - 1)) + content + ' ';
  const lead = leadOf(part);
  return lead + content + ' '.repeat(Math.max(1, width - stringWidth(lead + content)));
}
