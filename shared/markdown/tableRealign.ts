/**
 * Keeps a padded table as written after its cells or rows changed, changing only what was typed:
 * every row the edit did not touch stays byte for byte (the delimiter row too). In a row that
 * changed, a cell whose text still fits its column takes from or gives back padding so the row
 * keeps its width; a cell that outgrows its column keeps one space of padding and makes its row
 * wider, as editing the raw text in Obsidian or any text editor leaves it (valid Markdown: a
 * table's pipes need not line up). A cell takes padding from the side its text does not sit
 * on: after it (left), before it (right), both (centred). Widths are display columns, so CJK and
 * emoji line up.
 */
import stringWidth from 'string-width';
import { isPaddedTable } from './markdownStyle.js';
import { alignOf, partsOf, type ColumnAlign } from './tableLayout.js';

function leadOf(part: string): string {
  return /^[ \t]*/.exec(part)![0] || ' ';
}

/** The width a content cell needs: its text, one space after it, and before it its leading space (left) or one. */
function needed(part: string, shape: Shape): number {
  return stringWidth(shape === 'left' ? leadOf(part) : ' ') + stringWidth(part.trim()) + 1;
}

/** Columns whose cells are padded on the left (right-aligned numbers, as some formatters write them). */
function rightPadded(lines: string[][], column: number): boolean {
  const cells = lines.filter((_, index) => index !== 1).map((parts) => parts[column]!);
  return (
    cells.every((cell) => / $/.test(cell) && !/ {2}$/.test(cell)) && cells.some((cell) => /^ {2}/.test(cell))
  );
}

type Shape = 'left' | 'right' | 'center';

/**
 * Where a cell's padding goes: the side its own padding sits on (as typed into, the edit kept it),
 * else its column's alignment.
 */
function shapeOf(part: string, align: ColumnAlign, rightColumn: boolean): Shape {
  const lead = /^ */.exec(part)![0].length;
  const trail = / *$/.exec(part)![0].length;
  if (rightColumn || (lead > 1 && trail <= 1)) return 'right';
  if (lead > 1 && trail > 1) return align === 'center' && Math.abs(lead - trail) <= 1 ? 'center' : 'left';
  if (trail > 1) return 'left';
  return align === 'right' || align === 'center' ? align : 'left';
}

/**
 * `edited` (the table after the edit) with its changed cells fitted to their columns, or undefined.
 * In a table not padded throughout (one long link widens a row), a changed cell keeps its own
 * row's width instead, when the edit kept the rows where they were.
 */
export function realignTable(original: string, edited: string): string | undefined {
  const padded = isPaddedTable(original);
  const originalLines = original.split('\n');
  const oldLines = originalLines.map(partsOf);
  const editedLines = edited.split('\n');
  const lines = editedLines.map(partsOf);
  const count = oldLines[0]!.length;
  if (lines.length < 2 || lines.some((parts) => parts.length !== count)) return undefined;
  if (!padded && (lines.length !== oldLines.length || oldLines.some((parts) => parts.length !== count)))
    return undefined;
  // A row written exactly as one of the table's rows was is not touched (rows added or removed between).
  const untouched = new Set(originalLines);
  // Inner parts are cells; the outer ones are indentation before a leading pipe and nothing after a trailing one.
  const first = oldLines[0]![0]!.trim() === '' ? 1 : 0;
  const last = oldLines[0]![count - 1]!.trim() === '' ? count - 2 : count - 1;
  for (let column = first; column <= last; column++) {
    // The last cell of a table without a closing pipe has no width to keep.
    if (column === count - 1) continue;
    const align = alignOf(oldLines[1]![column]!);
    const right = padded && rightPadded(oldLines, column);
    lines.forEach((parts, index) => {
      const part = parts[column]!;
      if (index === 1 || untouched.has(editedLines[index]!)) return;
      const was = padded ? oldLines[1]![column]! : oldLines[index]![column]!;
      // A cell written without padding (`|x|`) has none to take from or give back.
      if (!padded && (was === part || was === was.trim())) return;
      const width = stringWidth(was);
      if (stringWidth(part) === width) return;
      const shape = shapeOf(part, align, right);
      parts[column] = fitted(part, Math.max(width, needed(part, shape)), shape);
    });
  }
  return lines.map((parts) => parts.join('|')).join('\n');
}

function fitted(part: string, width: number, shape: Shape): string {
  const content = part.trim();
  const room = width - stringWidth(content);
  if (shape === 'right') return ' '.repeat(Math.max(1, room - 1)) + content + ' ';
  if (shape === 'center' && room >= 2) {
    const lead = Math.floor(room / 2);
    return ' '.repeat(lead) + content + ' '.repeat(room - lead);
  }
  const lead = leadOf(part);
  return lead + content + ' '.repeat(Math.max(1, width - stringWidth(lead + content)));
}
