/** A story's acceptance criteria: the list items under its "Acceptance criteria" heading. */
import type { CriterionEntry } from '../model/documentModel.js';
import { withoutComments } from './htmlComments.js';
import { fenceOpenedBy, isFenceClose } from './linkGrammar.js';
import type { ScannedHeading } from './markdownScanner.js';
import { sectionsTitled } from './sectionLines.js';

export const acceptanceCriteriaTitle = 'Acceptance criteria';

const itemPattern = /^(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|$)(?:\[([ xX])\](?:[ \t]+|$))?(.*)$/;

/**
 * Each top-level list item of the section, its continuation lines joined with spaces; nested items
 * and fenced code belong to the item above them. `lines` are the body's lines; `bodyLine` turns their
 * numbers into file lines. HTML comments (template guidance) are left out.
 */
export function scanAcceptanceCriteria(
  lines: readonly string[],
  headings: readonly ScannedHeading[],
  bodyLine: number,
): CriterionEntry[] {
  const criteria: CriterionEntry[] = [];
  for (const section of sectionsTitled(headings, acceptanceCriteriaTitle, lines.length)) {
    let current: CriterionEntry | undefined;
    let nested = false;
    let baseIndent: number | undefined;
    let fence: { marker: string; length: number } | undefined;
    let inComment = false;
    for (let number = section.first; number <= section.last; number++) {
      let line = lines[number - 1]!.replace(/\r$/, '');
      if (fence) {
        if (isFenceClose(line.trimStart(), fence)) fence = undefined;
        continue;
      }
      if (inComment || line.includes('<!--')) {
        const visible = withoutComments(line, inComment);
        inComment = visible.inComment;
        line = visible.text;
      }
      const opened = fenceOpenedBy(line.trimStart());
      if (opened) {
        fence = opened;
        continue;
      }
      const indent = line.length - line.trimStart().length;
      const item = itemPattern.exec(line.trimStart());
      if (item && (baseIndent === undefined || indent <= baseIndent + 1)) {
        baseIndent ??= indent;
        current = { line: number + bodyLine - 1, text: item[2]!.trim() };
        if (item[1] !== undefined) current.done = item[1] !== ' ';
        criteria.push(current);
        nested = false;
      } else if (item) {
        // A nested item is a note on the criterion above, not part of its sentence.
        nested = true;
      } else if (line.trim() === '') {
        // A blank line ends nothing by itself: an indented line after it still continues the item.
      } else if (current && !nested && indent > (baseIndent ?? 0)) {
        current.text = `${current.text} ${line.trim()}`.trim();
      } else if (indent <= (baseIndent ?? 0)) {
        current = undefined;
      }
    }
  }
  return criteria.filter((criterion) => criterion.text !== '');
}
