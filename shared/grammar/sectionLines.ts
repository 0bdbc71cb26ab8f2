/** The body lines of a heading's section, for scanners that read one section of a document. */
import { headingPlainText } from '../model/headingAnchor.js';
import type { ScannedHeading } from './markdownScanner.js';

/**
 * Body lines (1-based, inclusive) of every section whose heading reads `title` (any case): from the
 * line after the heading to the line before the next heading of the same or a higher level.
 */
export function sectionsTitled(
  headings: readonly ScannedHeading[],
  title: string,
  lineCount: number,
): { heading: ScannedHeading; first: number; last: number }[] {
  const wanted = title.toLowerCase();
  const sections: { heading: ScannedHeading; first: number; last: number }[] = [];
  headings.forEach((heading, position) => {
    if (headingPlainText(heading.text).toLowerCase() !== wanted) return;
    let last = lineCount;
    for (const next of headings.slice(position + 1)) {
      if (next.level <= heading.level) {
        last = next.line - 1;
        break;
      }
    }
    sections.push({ heading, first: heading.line + 1, last });
  });
  return sections;
}
