/**
 * Keeps a padded table aligned after its cells or rows changed, as a tool that aligns tables would:
 * a cell that outgrows its column widens that column in every row (and the delimiter row), a cell
 * that shrank is padded back; widths are display columns, so CJK and emoji line up. Only cells of
 * a column that must change are touched; a table that was not padded is left as it is.
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

/** `edited` (the table after the edit) with every column padded back to one width, or undefined. */
export function realignTable(original: string, edited: string): string | undefined {
  if (!isPaddedTable(original)) return undefined;
  const oldLines = original.split('\n').map(partsOf);
  const lines = edited.split('\n').map(partsOf);
  const count = oldLines[0]!.length;
  if (lines.length < 2 || lines.some((parts) => parts.length !== count)) return undefined;
  // Inner parts are cells; the outer ones are indentation before a leading pipe and nothing after a trailing one.
  const first = oldLines[0]![0]!.trim() === '' ? 1 : 0;
  const last = oldLines[0]![count - 1]!.trim() === '' ? count - 2 : count - 1;
  for (let column = first; column <= last; column++) {
    // The last cell of a table without a closing pipe has no width to keep.
    if (column === count - 1) continue;
    const width = stringWidth(oldLines[1]![column]!);
    const right = rightPadded(oldLines, column);
    let target = width;
    lines.forEach((parts, index) => {
      const part = parts[column]!;
      if (index !== 1 && stringWidth(part) !== width) target = Math.max(target, needed(part));
    });
    lines.forEach((parts, index) => {
      const part = parts[column]!;
      if (stringWidth(part) === target) return;
      parts[column] = index === 1 ? delimiterOf(part, target) : padded(part, target, right);
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

/** A delimiter cell `width` wide, keeping its colons and the spaces around it. */
function delimiterOf(part: string, width: number): string {
  const match = /^([ \t]*)(:?)(-+)(:?)([ \t]*)$/.exec(part);
  if (!match) return part;
  const [, lead, left, , right, trail] = match;
  const dashes = width - stringWidth(lead! + left! + right! + trail!);
  return lead! + left! + '-'.repeat(Math.max(1, dashes)) + right! + trail!;
}
