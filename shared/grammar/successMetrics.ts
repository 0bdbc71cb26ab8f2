/** A spec's success metrics: the rows of the first table under its "Success metrics" heading. */
import type { MetricEntry } from '../model/documentModel.js';
import type { ScannedHeading } from './markdownScanner.js';
import { sectionsTitled } from './sectionLines.js';

export const successMetricsTitle = 'Success metrics';

const delimiterCell = /^:?-+:?$/;

/**
 * Rows of the first GFM table in the section whose header names a Target and an Actual column
 * (any case); the metric is the column named Metric, else the first. Empty rows (the template's
 * blank row) are left out. `lines` are the body's lines; `bodyLine` turns them into file lines.
 */
export function scanSuccessMetrics(
  lines: readonly string[],
  headings: readonly ScannedHeading[],
  bodyLine: number,
): MetricEntry[] {
  for (const section of sectionsTitled(headings, successMetricsTitle, lines.length)) {
    for (let number = section.first; number < section.last; number++) {
      const header = tableCells(lines[number - 1]!);
      const delimiter = tableCells(lines[number]!);
      if (!header || !delimiter || delimiter.length !== header.length) continue;
      if (!delimiter.every((cell) => delimiterCell.test(cell))) continue;
      const names = header.map((cell) => cell.toLowerCase());
      const target = names.indexOf('target');
      const actual = names.indexOf('actual');
      if (target === -1 || actual === -1) return [];
      const metric = Math.max(0, names.indexOf('metric'));
      const baseline = names.indexOf('baseline');
      const metrics: MetricEntry[] = [];
      for (let row = number + 2; row <= section.last; row++) {
        const cells = tableCells(lines[row - 1]!);
        if (!cells) break;
        if (cells.every((cell) => cell === '')) continue;
        const entry: MetricEntry = {
          line: row + bodyLine - 1,
          metric: cells[metric] ?? '',
          target: cells[target] ?? '',
          actual: cells[actual] ?? '',
        };
        if (baseline !== -1 && (cells[baseline] ?? '') !== '') entry.baseline = cells[baseline]!;
        metrics.push(entry);
      }
      return metrics;
    }
  }
  return [];
}

/** The cells of a table row (`| a | b |` or `a | b`), unescaping `\|`; undefined for a line that is no row. */
function tableCells(raw: string): string[] | undefined {
  const line = raw.replace(/\r$/, '').trim();
  if (!line.includes('|') || /^ {4}/.test(raw)) return undefined;
  let inner = line.startsWith('|') ? line.slice(1) : line;
  if (inner.endsWith('|') && !inner.endsWith('\\|')) inner = inner.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let code = false;
  for (let index = 0; index < inner.length; index++) {
    const character = inner[index]!;
    if (character === '\\' && inner[index + 1] === '|') {
      cell += '|';
      index++;
    } else if (character === '`') {
      code = !code;
      cell += character;
    } else if (character === '|' && !code) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += character;
    }
  }
  cells.push(cell.trim());
  return cells;
}
